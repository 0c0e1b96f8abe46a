import type { AppServices } from '../core/context';

/** A job the worker runs every `everyMs` (outbox delivery, reminders, purges). */
export interface Job {
  name: string;
  everyMs: number;
  run(services: AppServices): Promise<unknown>;
}

export const JOBS: Job[] = [];

export function startWorkers(services: AppServices): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of JOBS) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run(services)
        .catch((err: unknown) => services.log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, job.everyMs));
    setImmediate(tick);
  }
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
