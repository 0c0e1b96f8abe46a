import { Brackets, type EntityManager } from 'typeorm';
import { AUDIENCE_RIGHT, readableAudiences, type AccountStatus, type Audience } from '@kring/domain';
import type { Context } from '../../core/context';
import { requireRight, requireRightOnEntity, requireViewer } from '../../core/access';
import { AppError, badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { MAX_MESSAGE_LENGTH, MessageEntity } from './message.entity';
import { type MessagePageType, toMessageType, type MessageType } from './message.type';
import { charCount, checkPageSize, decodeCursor, encodeCursor } from './cursor';

/** Called inside the posting transaction (new-message e-mails); the notifications module registers itself. */
export type MessagePostedListener = (m: EntityManager, now: Date, message: MessageEntity) => Promise<void>;
export const MESSAGE_POSTED_LISTENERS: MessagePostedListener[] = [];

/**
 * One audience of an account, newest first. The guard already checked the right; the
 * service scopes by audience again so that a forgotten guard never leaks trust-group rows.
 */
export async function listMessages(
  ctx: Context,
  accountId: string,
  audience: Audience,
  first: number,
  after: string | null | undefined,
): Promise<MessagePageType> {
  checkPageSize(first);
  const access = await requireRight(ctx, accountId, AUDIENCE_RIGHT[audience]);
  // Defence in depth (CONVENTIONS.md): the level itself decides which audiences are readable.
  if (!readableAudiences(access.level, access.status).includes(audience)) throw new AppError('FORBIDDEN');
  const qb = ctx.db.manager
    .createQueryBuilder(MessageEntity, 'm')
    .where('m.accountId = :accountId', { accountId })
    .andWhere('m.audience = :audience', { audience })
    .andWhere('m.deletedAt IS NULL')
    .orderBy('m.sentAt', 'DESC')
    .addOrderBy('m.id', 'DESC')
    .take(first + 1);
  if (after) {
    const c = decodeCursor(after);
    qb.andWhere(
      new Brackets((w) =>
        w.where('m.sentAt < :at', { at: c.at }).orWhere(new Brackets((x) => x.where('m.sentAt = :at', { at: c.at }).andWhere('m.id < :id', { id: c.id }))),
      ),
    );
  }
  const rows = await qb.getMany();
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return {
    nodes: page.map(toMessageType),
    nextCursor: rows.length > first && last ? encodeCursor(last.sentAt, last.id) : null,
  };
}

/** A closed account can still be read by its former manager for 30 days, never written to. */
function refuseClosed(status: AccountStatus): void {
  if (status === 'CLOSED') throw new AppError('FORBIDDEN', 'Dit account is ontkoppeld; je kunt alleen nog lezen.', { reason: 'ACCOUNT_CLOSED' });
}

export function checkMessageBody(body: string): string {
  const text = body.trim();
  if (!text) throw badInput('EMPTY', 'Schrijf eerst een bericht.', 'body');
  if (charCount(text) > MAX_MESSAGE_LENGTH) {
    throw badInput('TOO_LONG', `Een bericht is hoogstens ${MAX_MESSAGE_LENGTH} tekens lang.`, 'body');
  }
  return text;
}

export async function postMessage(ctx: Context, accountId: string, audience: Audience, body: string): Promise<MessageType> {
  const viewer = requireViewer(ctx);
  // The guard checked VIEW_MESSAGES; posting to the trust group needs its own right too.
  const access = await requireRight(ctx, accountId, AUDIENCE_RIGHT[audience]);
  refuseClosed(access.status);
  const text = checkMessageBody(body);
  const now = ctx.clock.now();
  const message = await ctx.db.tx(async (m) => {
    const row = m.create(MessageEntity, {
      id: newId(),
      accountId,
      authorUserId: viewer.userId,
      audience,
      body: text,
      sentAt: now,
      deletedAt: null,
    });
    await m.insert(MessageEntity, row);
    for (const listener of MESSAGE_POSTED_LISTENERS) await listener(m, now, row);
    return row;
  });
  return toMessageType(message);
}

/** Authors delete their own messages; the content is wiped, not kept. */
export async function deleteMessage(ctx: Context, id: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const found = await ctx.db.manager.findOneBy(MessageEntity, { id });
  const { entity, access } = await requireRightOnEntity(ctx, found?.deletedAt ? null : found, (x) => x.accountId, 'VIEW_MESSAGES');
  // A message of an audience the viewer cannot read is not there for them.
  if (!readableAudiences(access.level, access.status).includes(entity.audience)) throw new AppError('FORBIDDEN');
  refuseClosed(access.status);
  if (entity.authorUserId !== viewer.userId) throw new AppError('FORBIDDEN', 'Alleen wie het bericht schreef kan het verwijderen.');
  await ctx.db.tx((m) => m.update(MessageEntity, { id: entity.id }, { deletedAt: ctx.clock.now(), body: '' }));
  return true;
}
