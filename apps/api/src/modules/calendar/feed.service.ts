import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import { buildIcs, hasRight, type IcsEvent } from '@kring/domain';
import type { AppServices, Context } from '../../core/context';
import type { Env } from '../../env';
import { newId } from '../../db/columns';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { AppointmentEntity, AppointmentExdateEntity, CalendarFeedEntity } from './appointment.entity';
import { toIcsEvent } from './calendar.ics';

/*
 * The private calendar feed (/ical/<secret>.ics). The secret is a capability, like a
 * password-reset link: 256 random bits, looked up by its SHA-256 hash. So that
 * Viewer.calendarFeedUrl can show the address again, the secret is also kept sealed
 * (AES-256-GCM) under a key derived (HKDF) from the server secret: a copy of the
 * database alone neither opens the feeds nor reveals their addresses. Rotating the
 * server secret hides old addresses (the user makes a new one); they keep working
 * until replaced or revoked.
 */

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function feedKey(env: Env): Buffer {
  const secret = env.KRING_PROXY_SECRET ?? 'kring-development-only-feed-key';
  return Buffer.from(hkdfSync('sha256', secret, 'kring', 'calendar-feed-v1', 32));
}

function seal(env: Env, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', feedKey(env), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

function unseal(env: Env, sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split('.');
  if (v !== 'v1' || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', feedKey(env), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const urlOf = (env: Env, secret: string) => `${env.PUBLIC_API_URL}/ical/${secret}.ics`;

export async function feedUrlOf(ctx: Context, userId: string): Promise<string | null> {
  const feed = await ctx.db.manager.findOneBy(CalendarFeedEntity, { userId, revokedAt: IsNull() });
  if (!feed) return null;
  const secret = unseal(ctx.env, feed.secretSealed);
  // The sealed copy must belong to the stored hash (never show an address that does not work).
  if (!secret || !timingSafeEqual(Buffer.from(sha256(secret)), Buffer.from(feed.secretHash))) return null;
  return urlOf(ctx.env, secret);
}

export async function createCalendarFeed(ctx: Context, userId: string): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    await m.update(CalendarFeedEntity, { userId, revokedAt: IsNull() }, { revokedAt: now });
    await m.insert(CalendarFeedEntity, { id: newId(), userId, secretHash: sha256(secret), secretSealed: seal(ctx.env, secret), createdAt: now, revokedAt: null });
  });
  return urlOf(ctx.env, secret);
}

export async function revokeCalendarFeed(ctx: Context, userId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const r = await ctx.db.manager.update(CalendarFeedEntity, { userId, revokedAt: IsNull() }, { revokedAt: now });
  return (r.affected ?? 0) > 0;
}

const DAY = 86_400_000;

/**
 * The feed of the user with this secret, or null: exactly what they may see now —
 * the calendars of the accounts where they hold VIEW_CALENDAR (which include the
 * appointments they are asked to help with). Series with RRULE and EXDATE, changed
 * occurrences with RECURRENCE-ID; from 180 days back on. Statements: constant.
 */
export async function feedFor(services: AppServices, secret: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const m = services.db.manager;
  const feed = await m.findOneBy(CalendarFeedEntity, { secretHash: sha256(secret), revokedAt: IsNull() });
  if (!feed) return null;
  const now = services.clock.now();
  const memberships = await m.findBy(MembershipEntity, { userId: feed.userId });
  const accounts = memberships.length ? await m.findBy(AccountEntity, { id: In(memberships.map((ms) => ms.accountId)) }) : [];
  const visible = accounts.filter((a) => {
    const ms = memberships.find((x) => x.accountId === a.id)!;
    return hasRight(ms.level, 'VIEW_CALENDAR', a.status) && !(a.status === 'CLOSED' && ms.level !== 'MANAGER');
  });
  const events: IcsEvent[] = [];
  if (visible.length) {
    const since = new Date(now.getTime() - 180 * DAY);
    const rows = await m
      .createQueryBuilder(AppointmentEntity, 'a')
      .where('a.accountId IN (:...ids)', { ids: visible.map((a) => a.id) })
      .andWhere('(a.lastEndUtc IS NULL OR a.lastEndUtc > :since)', { since })
      .getMany();
    const series = rows.filter((r) => !r.parentAppointmentId);
    const ids = new Set(series.map((s) => s.id));
    const recurring = series.filter((s) => s.frequency).map((s) => s.id);
    const exdates = recurring.length ? await m.findBy(AppointmentExdateEntity, { appointmentId: In(recurring) }) : [];
    const exBy = new Map<string, Date[]>();
    for (const x of exdates) exBy.set(x.appointmentId, [...(exBy.get(x.appointmentId) ?? []), x.originalStartUtc]);
    const whose = new Map(visible.map((a) => [a.id, a.ownerUserId === feed.userId ? null : a.displayName]));
    for (const r of rows) {
      // A changed occurrence without its series in the feed would stand alone: leave it out.
      if (r.parentAppointmentId && !ids.has(r.parentAppointmentId)) continue;
      events.push(toIcsEvent(r, exBy.get(r.id) ?? [], { stamp: now, whose: whose.get(r.accountId) ?? null }));
    }
  }
  return buildIcs({ method: 'PUBLISH', name: 'Kring', events });
}
