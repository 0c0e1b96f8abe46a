import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { AppServices } from '../../core/context';
import type { Db } from '../../db/data-source';
import { OutboxEntity } from './outbox.entity';
import { PermanentSendError, senderFromEnv, type Sender } from './senders';

/** A claim older than this is taken to be from a crashed worker, and the row is claimed again. */
export const CLAIM_TTL_MS = 60_000;
export const MAX_ATTEMPTS = 8;
const BATCH = 20;

/** 30 s, 1 min, 2 min, … up to an hour between attempts. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

/**
 * Claims due rows in one short transaction (SKIP LOCKED on MySQL, so concurrent workers take
 * different rows) and counts the attempt at claim time: a worker that dies mid-send still used one.
 */
export async function claimDue(db: Db, now: Date, workerId: string, limit = BATCH): Promise<OutboxEntity[]> {
  const expired = new Date(now.getTime() - CLAIM_TTL_MS);
  return db.tx(async (m) => {
    const [sql, params] = m
      .createQueryBuilder(OutboxEntity, 'o')
      .select('o.id', 'id')
      .where('o.status = :pending', { pending: 'PENDING' })
      .andWhere('o.nextAttemptAt <= :now', { now })
      .andWhere('(o.claimedAt IS NULL OR o.claimedAt <= :expired)', { expired })
      .orderBy('o.nextAttemptAt', 'ASC')
      .limit(limit)
      .getQueryAndParameters();
    const rows = (await m.query(sql + db.skipLocked, params)) as { id: string }[];
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    await m
      .createQueryBuilder()
      .update(OutboxEntity)
      .set({ claimedBy: workerId, claimedAt: now, attempts: () => 'attempts + 1' })
      .where({ id: In(ids) })
      .execute();
    return m.findBy(OutboxEntity, { id: In(ids) });
  });
}

/** Sends what is due, outside any transaction (nothing slow inside one), and records the outcome. */
export async function deliverDue(services: AppServices, sender: Sender, workerId: string): Promise<{ sent: number; failed: number }> {
  const { db, clock, log } = services;
  const rows = await claimDue(db, clock.now(), workerId);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await sender.send(row);
      await db.tx((m) =>
        m.update(OutboxEntity, { id: row.id, claimedBy: workerId }, { status: 'SENT', sentAt: clock.now(), claimedBy: null, lastError: null }),
      );
      sent++;
    } catch (err) {
      const permanent = err instanceof PermanentSendError;
      const giveUp = permanent || row.attempts >= MAX_ATTEMPTS;
      const now = clock.now();
      await db.tx((m) =>
        m.update(
          OutboxEntity,
          { id: row.id, claimedBy: workerId },
          {
            status: giveUp ? 'FAILED' : 'PENDING',
            nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
            claimedBy: null,
            claimedAt: null,
            lastError: (err instanceof Error ? err.message : 'send failed').slice(0, 300),
          },
        ),
      );
      if (giveUp) failed++;
      // No recipient, no content in the log: the row id leads to the rest.
      log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, giveUp }, 'outbox delivery failed');
    }
  }
  return { sent, failed };
}

const WORKER_ID = randomUUID();
const senders = new WeakMap<AppServices, Sender>();

/** The worker job: every 2 seconds. */
export const outboxJob = {
  name: 'outbox',
  everyMs: 2000,
  run(services: AppServices) {
    let sender = senders.get(services);
    if (!sender) {
      sender = senderFromEnv(services.env, services.log);
      senders.set(services, sender);
    }
    return deliverDue(services, sender, WORKER_ID);
  },
};
