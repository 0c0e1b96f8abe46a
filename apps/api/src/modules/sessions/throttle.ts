import { createHash } from 'node:crypto';
import { LessThan, MoreThan, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { ThrottleEventEntity } from './throttle-event.entity';

const DAY_MS = 24 * 3600_000;

/** A counter's name: a prefix and a hash of what it counts (an e-mail as typed, a number, an address). */
export function bucket(prefix: string, ...keys: string[]): string {
  return `${prefix}:${createHash('sha256').update(keys.join('\u0000')).digest('hex')}`;
}

/** Instants (ms) of a counter's events since `since`. */
export async function eventTimes(m: EntityManager, name: string, since: Date): Promise<number[]> {
  const rows = await m.find(ThrottleEventEntity, { where: { bucket: name, at: MoreThan(since) }, select: { at: true } });
  return rows.map((r) => r.at.getTime());
}

/** Counts one event in each named counter, and drops events older than a day from them. */
export async function recordEvents(m: EntityManager, now: Date, names: string[]): Promise<void> {
  if (!names.length) return;
  await m.insert(
    ThrottleEventEntity,
    names.map((name) => ({ id: newId(), bucket: name, at: now })),
  );
  for (const name of names) {
    await m.delete(ThrottleEventEntity, { bucket: name, at: LessThan(new Date(now.getTime() - 2 * DAY_MS)) });
  }
}

export async function clearEvents(m: EntityManager, name: string): Promise<void> {
  await m.delete(ThrottleEventEntity, { bucket: name });
}
