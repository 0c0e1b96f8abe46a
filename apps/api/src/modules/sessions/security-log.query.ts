import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { requireViewer } from '../../core/access';
import { SecurityEventEntity } from './security-event.entity';
import type { SecurityAction } from './security-log';
import type { SecurityEventPageType } from './session-info.type';

const encodeCursor = (e: SecurityEventEntity) => Buffer.from(`${e.at.toISOString()}|${e.id}`).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw badInput('INVALID_CURSOR', 'Deze lijst kan niet verder worden geladen.', 'after');
  return { at: date, id };
}

/** The viewer's own security log, newest first; nobody else's, whatever is asked. */
export async function securityLogPage(ctx: Context, first: number, after: string | null): Promise<SecurityEventPageType> {
  const viewer = requireViewer(ctx);
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('INVALID_PAGE_SIZE', 'Vraag 1 tot 100 regels tegelijk.', 'first');
  const qb = ctx.db.manager
    .createQueryBuilder(SecurityEventEntity, 'e')
    .where('e.userId = :userId', { userId: viewer.userId })
    .orderBy('e.at', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .take(first + 1);
  if (after) {
    const c = decodeCursor(after);
    qb.andWhere('(e.at < :at OR (e.at = :at AND e.id < :id))', { at: c.at, id: c.id });
  }
  const rows = await qb.getMany();
  const page = rows.slice(0, first);
  return {
    nodes: page.map((e) => ({ id: e.id, at: e.at, action: e.action as SecurityAction, device: e.device })),
    nextCursor: rows.length > first ? encodeCursor(page[page.length - 1]!) : null,
  };
}
