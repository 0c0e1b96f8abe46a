import { LessThan } from 'typeorm';
import type { AppServices } from '../../core/context';
import { JOBS } from '../../worker/workers';
import { IdentityTokenEntity } from '../identity/identity-token.entity';
import { SmsCodeEntity } from '../stepup/sms-code.entity';
import { SessionEntity } from './session.entity';
import { ThrottleEventEntity } from './throttle-event.entity';

const DAY_MS = 24 * 3600_000;

/**
 * Keeps only what the login's security still needs (data minimisation): rate-limit events for
 * 2 days, SMS codes and link tokens for a week after they expired, sessions for 30 days after
 * their last use. The user's own security log is kept.
 */
export async function purgeSecurityLeftovers(services: AppServices): Promise<number> {
  const now = services.clock.now().getTime();
  const before = (days: number) => new Date(now - days * DAY_MS);
  return services.db.tx(async (m) => {
    const results = await Promise.all([
      m.delete(ThrottleEventEntity, { at: LessThan(before(2)) }),
      m.delete(SmsCodeEntity, { expiresAt: LessThan(before(7)) }),
      m.delete(IdentityTokenEntity, { expiresAt: LessThan(before(7)) }),
      m.delete(SessionEntity, { lastSeenAt: LessThan(before(30)) }),
    ]);
    return results.reduce((n, r) => n + (r.affected ?? 0), 0);
  });
}

JOBS.push({ name: 'purge-security-leftovers', everyMs: 3600_000, run: purgeSecurityLeftovers });
