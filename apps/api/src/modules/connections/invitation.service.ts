import { randomBytes } from 'node:crypto';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { z } from 'zod';
import type { AccessLevel } from '@kring/domain';
import { passwordProblem } from '@kring/domain/passwords';
import type { Context } from '../../core/context';
import { viewerUser } from '../../core/access';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity, fullName } from '../accounts/user.entity';
import { addMembership, createUserWithAccount } from '../accounts/user.service';
import { toUserType } from '../accounts/account.type';
import { appendAccessLog } from '../audit/access-log';
import { AccessLogEntity } from '../audit/access-log.entity';
import { enqueueEmail } from '../outbox/outbox';
import { hashPassword } from '../sessions/password-hash';
import { createSession, hashToken } from '../sessions/session.service';
import type { SessionType } from '../sessions/session.type';
import { circleChangedMail, invitationMail, localeOf } from './connection.mails';
import type { InvitationPreviewType, InvitationType, InviteHelperInput, RegisterInput } from './connection.type';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';

export const INVITATION_VALID_MS = 7 * 24 * 3600 * 1000;
/** Nobody can invite to a level above TRUST (issue 4); NONE would be a pointless invitation. */
const INVITABLE_LEVELS: readonly AccessLevel[] = ['TRUST', 'BASIC'];

const newToken = (): string => randomBytes(32).toString('base64url');
const normalEmail = (e: string): string => e.trim().toLowerCase();
const emailSchema = z.email().max(254);

/** Shown status: a pending invitation past its 7 days is EXPIRED. */
export function shownStatus(inv: InvitationEntity, now: Date): InvitationStatus {
  return inv.status === 'PENDING' && inv.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : inv.status;
}

export function toInvitationType(inv: InvitationEntity, now: Date): InvitationType {
  return {
    id: inv.id,
    firstName: inv.firstName,
    lastName: inv.lastName,
    email: inv.email,
    level: inv.level,
    status: shownStatus(inv, now),
    sentAt: inv.sentAt,
    expiresAt: inv.expiresAt,
  };
}

function invitationUrl(ctx: Context, token: string): string {
  return `${ctx.env.PUBLIC_WEB_URL}/uitnodiging?token=${encodeURIComponent(token)}`;
}

/** Writes the invitation e-mail (in the inviter's language) to the outbox, inside the caller's transaction. */
async function sendInvitationMail(m: EntityManager, ctx: Context, inv: InvitationEntity, token: string, inviter: UserEntity) {
  const account = await m.findOneByOrFail(AccountEntity, { id: inv.accountId });
  const mail = invitationMail(localeOf(inviter.locale), {
    inviter: fullName(inviter),
    accountName: account.displayName,
    level: inv.level,
    url: invitationUrl(ctx, token),
  });
  await enqueueEmail(m, ctx.clock.now(), { kind: 'invitation', to: inv.email, ...mail });
}

function checkInput(input: InviteHelperInput): { firstName: string; lastName: string; email: string } {
  if (!INVITABLE_LEVELS.includes(input.level)) {
    throw badInput('INVALID_LEVEL', 'Nodig uit met vertrouwensgroep of basisrechten.', 'level');
  }
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  if (!firstName || firstName.length > 100) throw badInput('INVALID_NAME', 'Vul een voornaam in.', 'firstName');
  if (!lastName || lastName.length > 100) throw badInput('INVALID_NAME', 'Vul een achternaam in.', 'lastName');
  const email = normalEmail(input.email);
  if (!emailSchema.safeParse(email).success) throw badInput('INVALID_EMAIL', 'Vul een geldig e-mailadres in.', 'email');
  return { firstName, lastName, email };
}

const NO_USER = '00000000-0000-0000-0000-000000000000';
/** Invitations (and resends) per account per 24 hours: enough for a circle, too few for spam. */
export const INVITATIONS_PER_DAY = 25;

/** Serialises the invitation work of one account across requests and API processes (MySQL row lock). */
async function lockAccount(m: EntityManager, ctx: Context, accountId: string): Promise<void> {
  await m.query(`SELECT id FROM accounts WHERE id = ?${ctx.db.forUpdate}`, [accountId]);
}

async function limitInvitations(m: EntityManager, accountId: string, now: Date): Promise<void> {
  const sent = await m.countBy(AccessLogEntity, {
    accountId,
    action: In(['HELPER_INVITED', 'INVITATION_RESENT']),
    at: MoreThan(new Date(now.getTime() - 24 * 3600 * 1000)),
  });
  if (sent >= INVITATIONS_PER_DAY) {
    throw new AppError('RATE_LIMITED', 'Je hebt vandaag al veel uitnodigingen verstuurd. Probeer het morgen opnieuw.');
  }
}

/**
 * Invites a helper. The answer is the same whether or not the address has a login (no enumeration,
 * QUALITY.md 3); a second invitation to the same address updates the pending one.
 */
export async function inviteHelper(ctx: Context, accountId: string, input: InviteHelperInput): Promise<InvitationType> {
  const { firstName, lastName, email } = checkInput(input);
  const inviter = await viewerUser(ctx);
  const now = ctx.clock.now();
  const token = newToken();
  const inv = await ctx.db.tx(async (m) => {
    // One invitation at a time per account (MySQL row lock; SQLite transactions are serialised):
    // two concurrent invitations to one address would otherwise both find no pending one and both
    // insert, and the daily limit could be overrun.
    await lockAccount(m, ctx, accountId);
    await limitInvitations(m, accountId, now);
    const existingUser = await m.findOneBy(UserEntity, { email });
    // The same queries whether or not the address has a login (no timing difference).
    const connected = await m.existsBy(MembershipEntity, { accountId, userId: existingUser?.id ?? NO_USER });
    if (connected) {
      // Only tells the manager what their own connections list already shows.
      throw badInput('ALREADY_CONNECTED', 'Deze persoon is al verbonden met dit account.', 'email');
    }
    const pending = await m.findOne(InvitationEntity, {
      where: { accountId, email, status: 'PENDING' },
      order: { sentAt: 'DESC' },
    });
    const fields = {
      invitedByUserId: inviter.id,
      firstName,
      lastName,
      level: input.level,
      tokenHash: hashToken(token),
      claimTokenHash: null,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_VALID_MS),
    };
    let row: InvitationEntity;
    if (pending) {
      await m.update(InvitationEntity, { id: pending.id }, fields);
      row = { ...pending, ...fields };
    } else {
      row = m.create(InvitationEntity, { id: newId(), accountId, email, status: 'PENDING', acceptedAt: null, ...fields });
      await m.insert(InvitationEntity, row);
    }
    await appendAccessLog(m, now, {
      accountId,
      actorUserId: inviter.id,
      actorName: fullName(inviter),
      action: 'HELPER_INVITED',
      detail: `${firstName} ${lastName}: ${input.level}`,
      basis: 'MANAGER',
    });
    await sendInvitationMail(m, ctx, row, token, inviter);
    return row;
  });
  return toInvitationType(inv, now);
}

export async function listInvitations(ctx: Context, accountId: string): Promise<InvitationType[]> {
  const rows = await ctx.db.manager.find(InvitationEntity, { where: { accountId }, order: { sentAt: 'DESC' } });
  const now = ctx.clock.now();
  return rows.map((r) => toInvitationType(r, now));
}

async function invitationForManager(m: EntityManager, id: string): Promise<InvitationEntity> {
  const inv = await m.findOneBy(InvitationEntity, { id });
  if (!inv) throw new AppError('NOT_FOUND');
  return inv;
}

/** Only a pending invitation can be revoked (an expired one may be revoked too, to tidy up). */
export async function revokeInvitation(ctx: Context, invitationId: string): Promise<boolean> {
  const manager = await viewerUser(ctx);
  const now = ctx.clock.now();
  await ctx.db.tx(async (m) => {
    const inv = await invitationForManager(m, invitationId);
    if (inv.status !== 'PENDING') throw badInput('NOT_PENDING', 'Deze uitnodiging staat niet meer open.', 'invitationId');
    await m.update(InvitationEntity, { id: inv.id }, { status: 'REVOKED', claimTokenHash: null });
    await appendAccessLog(m, now, {
      accountId: inv.accountId,
      actorUserId: manager.id,
      actorName: fullName(manager),
      action: 'INVITATION_REVOKED',
      detail: `${inv.firstName} ${inv.lastName}: ${inv.level}`,
      basis: 'MANAGER',
    });
  });
  return true;
}

/** A new token and a new 7 days; the old link stops working. */
export async function resendInvitation(ctx: Context, invitationId: string): Promise<InvitationType> {
  const manager = await viewerUser(ctx);
  const now = ctx.clock.now();
  const token = newToken();
  const inv = await ctx.db.tx(async (m) => {
    const inv = await invitationForManager(m, invitationId);
    if (inv.status !== 'PENDING') throw badInput('NOT_PENDING', 'Deze uitnodiging staat niet meer open.', 'invitationId');
    await lockAccount(m, ctx, inv.accountId);
    await limitInvitations(m, inv.accountId, now);
    const fields = {
      tokenHash: hashToken(token),
      claimTokenHash: null,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_VALID_MS),
    };
    await m.update(InvitationEntity, { id: inv.id }, fields);
    const row = { ...inv, ...fields };
    await appendAccessLog(m, now, {
      accountId: inv.accountId,
      actorUserId: manager.id,
      actorName: fullName(manager),
      action: 'INVITATION_RESENT',
      detail: `${inv.firstName} ${inv.lastName}: ${inv.level}`,
      basis: 'MANAGER',
    });
    await sendInvitationMail(m, ctx, row, token, manager);
    return row;
  });
  return toInvitationType(inv, now);
}

/** How a token was found: the e-mailed one, or one handed to the signed-in invitee. */
interface Found {
  inv: InvitationEntity;
  account: AccountEntity;
  viaClaim: boolean;
}

/** A usable invitation for a token: pending, within its 7 days, on an active account. */
async function findUsable(m: EntityManager, token: string, now: Date): Promise<Found | null> {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const rows = await m.find(InvitationEntity, { where: [{ tokenHash: hash }, { claimTokenHash: hash }] });
  const inv = rows[0];
  if (!inv || shownStatus(inv, now) !== 'PENDING') return null;
  const account = await m.findOneBy(AccountEntity, { id: inv.accountId });
  if (!account || account.status !== 'ACTIVE') return null;
  return { inv, account, viaClaim: inv.tokenHash !== hash };
}

async function previewOf(ctx: Context, f: Found, token: string | null): Promise<InvitationPreviewType> {
  const inviter = f.inv.invitedByUserId ? await ctx.loaders.user.load(f.inv.invitedByUserId) : null;
  return {
    accountDisplayName: f.account.displayName,
    invitedBy: inviter ? fullName(inviter) : f.account.displayName,
    level: f.inv.level,
    email: f.inv.email,
    expiresAt: f.inv.expiresAt,
    token,
  };
}

export async function invitationPreview(ctx: Context, token: string): Promise<InvitationPreviewType | null> {
  const found = await findUsable(ctx.db.manager, token, ctx.clock.now());
  return found ? previewOf(ctx, found, token) : null;
}

/**
 * Invitations to the viewer's e-mail that are still open. Tokens are stored hashed, so each listing
 * mints a fresh claim token per invitation; it works only in a session of the invited address,
 * and the e-mailed link keeps working beside it.
 */
export async function pendingInvitationsOf(ctx: Context): Promise<InvitationPreviewType[]> {
  const user = await viewerUser(ctx);
  const now = ctx.clock.now();
  const rows = await ctx.db.manager.find(InvitationEntity, {
    where: { email: user.email, status: 'PENDING', expiresAt: MoreThan(now) },
    order: { sentAt: 'DESC' },
  });
  if (!rows.length) return [];
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const accounts = await ctx.db.manager.findBy(AccountEntity, { id: In(accountIds), status: 'ACTIVE' });
  const mine = await ctx.db.manager.findBy(MembershipEntity, { userId: user.id, accountId: In(accountIds) });
  const open = rows.filter((r) => accounts.some((a) => a.id === r.accountId) && !mine.some((ms) => ms.accountId === r.accountId));
  const tokens = open.map(() => newToken());
  await ctx.db.tx(async (m) => {
    for (const [i, inv] of open.entries()) {
      await m.update(InvitationEntity, { id: inv.id }, { claimTokenHash: hashToken(tokens[i]) });
    }
  });
  return Promise.all(
    open.map((inv, i) => previewOf(ctx, { inv, account: accounts.find((a) => a.id === inv.accountId)!, viaClaim: true }, tokens[i])),
  );
}

const INVALID = () => badInput('INVITATION_INVALID', 'Deze uitnodiging is niet (meer) geldig. Vraag om een nieuwe.', 'token');
const MISMATCH = () =>
  badInput('EMAIL_MISMATCH', 'Deze uitnodiging is voor een ander e-mailadres. Log in of maak een login met het uitgenodigde adres.', 'email');

/**
 * Accepts an invitation: with newUser a login bound to the invited address is made; otherwise the
 * signed-in viewer's address must match. The invitee becomes a connection at the invited level.
 */
export async function acceptInvitation(ctx: Context, token: string, newUser: RegisterInput | null | undefined): Promise<SessionType> {
  const now = ctx.clock.now();
  const first = await findUsable(ctx.db.manager, token, now);
  if (!first) throw INVALID();
  let passwordHash: string | null = null;
  if (newUser) {
    if (normalEmail(newUser.email) !== first.inv.email) throw MISMATCH();
    if (first.viaClaim) throw INVALID();
    const problem = passwordProblem(newUser.password);
    if (problem) throw badInput(problem, 'Kies een ander wachtwoord: 8 tot 128 tekens, geen veelgebruikt wachtwoord.', 'password');
    if (!newUser.firstName.trim() || !newUser.lastName.trim()) throw badInput('INVALID_NAME', 'Vul je naam in.', 'firstName');
    // argon2 runs outside the transaction (SQLite transactions are serialised).
    passwordHash = await hashPassword(newUser.password);
  } else if (!ctx.viewer) {
    throw new AppError('UNAUTHENTICATED', 'Log in of maak een login om de uitnodiging aan te nemen.');
  }
  const { user, session } = await ctx.db.tx(async (m) => {
    const found = await findUsable(m, token, now);
    if (!found || found.inv.id !== first.inv.id) throw INVALID();
    const { inv, account } = found;
    let user: UserEntity;
    if (newUser && passwordHash) {
      if (await m.existsBy(UserEntity, { email: inv.email })) {
        throw badInput('LOGIN_EXISTS', 'Er is al een login met dit e-mailadres. Log in om de uitnodiging aan te nemen.', 'email');
      }
      const created = await createUserWithAccount(m, now, {
        email: inv.email,
        firstName: newUser.firstName,
        lastName: newUser.lastName,
        passwordHash,
        // Reaching the e-mailed link proves the address.
        emailVerifiedAt: now,
      });
      user = created.user;
    } else {
      const viewer = await m.findOneBy(UserEntity, { id: ctx.viewer!.userId });
      if (!viewer) throw new AppError('UNAUTHENTICATED');
      if (viewer.email !== inv.email) throw MISMATCH();
      user = viewer;
    }
    if (await m.existsBy(MembershipEntity, { accountId: inv.accountId, userId: user.id })) {
      throw badInput('ALREADY_CONNECTED', 'Je bent al verbonden met dit account.', 'token');
    }
    await addMembership(m, now, inv.accountId, user.id, inv.level);
    await m.update(InvitationEntity, { id: inv.id }, { status: 'ACCEPTED', acceptedAt: now, claimTokenHash: null });
    await appendAccessLog(m, now, {
      accountId: inv.accountId,
      actorUserId: user.id,
      actorName: fullName(user),
      action: 'INVITATION_ACCEPTED',
      detail: `${fullName(user)}: ${inv.level}`,
      basis: 'INVITATION',
    });
    await tellInviter(m, ctx, inv, account, fullName(user), 'ACCEPTED');
    const session = await createSession(m, now, user.id, ctx.client);
    return { user, session };
  });
  return { token: session.token, expiresAt: session.expiresAt, user: toUserType(user, ctx.env.PUBLIC_API_URL) };
}

async function tellInviter(
  m: EntityManager,
  ctx: Context,
  inv: InvitationEntity,
  account: AccountEntity,
  helper: string,
  what: 'ACCEPTED' | 'DECLINED',
): Promise<void> {
  const inviter = inv.invitedByUserId ? await m.findOneBy(UserEntity, { id: inv.invitedByUserId }) : null;
  if (!inviter) return;
  const mail = circleChangedMail(localeOf(inviter.locale), {
    helper,
    accountName: account.displayName,
    what,
    url: `${ctx.env.PUBLIC_WEB_URL}/connecties`,
  });
  await enqueueEmail(m, ctx.clock.now(), { kind: what === 'ACCEPTED' ? 'invitation-accepted' : 'invitation-declined', to: inviter.email, ...mail });
}

/** Declines with the e-mailed token (anyone holding it) or a claim token (only its signed-in invitee). */
export async function declineInvitation(ctx: Context, token: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.tx(async (m) => {
    const found = await findUsable(m, token, now);
    if (!found) throw INVALID();
    const { inv, account } = found;
    if (found.viaClaim) {
      const viewer = ctx.viewer ? await m.findOneBy(UserEntity, { id: ctx.viewer.userId }) : null;
      if (!viewer || viewer.email !== inv.email) throw INVALID();
    }
    await m.update(InvitationEntity, { id: inv.id }, { status: 'DECLINED', claimTokenHash: null });
    const name = `${inv.firstName} ${inv.lastName}`;
    await appendAccessLog(m, now, {
      accountId: inv.accountId,
      actorUserId: ctx.viewer?.userId ?? null,
      actorName: name,
      action: 'INVITATION_DECLINED',
      detail: `${name}: ${inv.level}`,
      basis: 'INVITATION',
    });
    await tellInviter(m, ctx, inv, account, name, 'DECLINED');
    return true;
  });
}
