import { Brackets } from 'typeorm';
import type { Context } from '../../core/context';
import { requireRight, requireRightOnEntity, requireViewer } from '../../core/access';
import { badInput } from '../../core/errors';
import { newId } from '../../db/columns';
import { charCount, checkPageSize, decodeCursor, encodeCursor } from '../messages/cursor';
import { MAX_NOTE_BODY, MAX_NOTE_TITLE, NoteEntity } from './note.entity';
import { toNoteType, type NoteInput, type NotePageType, type NoteType } from './note.type';

/** Notes of an account, most recently changed first. */
export async function listNotes(ctx: Context, accountId: string, first: number, after: string | null | undefined): Promise<NotePageType> {
  checkPageSize(first);
  // The guard checked VIEW_NOTES; the service checks again (defence in depth).
  await requireRight(ctx, accountId, 'VIEW_NOTES');
  const qb = ctx.db.manager
    .createQueryBuilder(NoteEntity, 'n')
    .where('n.accountId = :accountId', { accountId })
    .orderBy('n.updatedAt', 'DESC')
    .addOrderBy('n.id', 'DESC')
    .take(first + 1);
  if (after) {
    const c = decodeCursor(after);
    qb.andWhere(
      new Brackets((w) =>
        w.where('n.updatedAt < :at', { at: c.at }).orWhere(new Brackets((x) => x.where('n.updatedAt = :at', { at: c.at }).andWhere('n.id < :id', { id: c.id }))),
      ),
    );
  }
  const rows = await qb.getMany();
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  return { nodes: page.map(toNoteType), nextCursor: rows.length > first && last ? encodeCursor(last.updatedAt, last.id) : null };
}

function checkNote(input: NoteInput): { title: string; body: string } {
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw badInput('EMPTY', 'Geef de notitie een titel.', 'title');
  if (charCount(title) > MAX_NOTE_TITLE) throw badInput('TOO_LONG', `Een titel is hoogstens ${MAX_NOTE_TITLE} tekens lang.`, 'title');
  if (charCount(body) > MAX_NOTE_BODY) throw badInput('TOO_LONG', `Een notitie is hoogstens ${MAX_NOTE_BODY} tekens lang.`, 'body');
  return { title, body };
}

export async function createNote(ctx: Context, accountId: string, input: NoteInput): Promise<NoteType> {
  const viewer = requireViewer(ctx);
  await requireRight(ctx, accountId, 'EDIT_NOTES');
  const { title, body } = checkNote(input);
  const now = ctx.clock.now();
  const note = ctx.db.manager.create(NoteEntity, { id: newId(), accountId, authorUserId: viewer.userId, title, body, createdAt: now, updatedAt: now });
  await ctx.db.tx((m) => m.insert(NoteEntity, note));
  return toNoteType(note);
}

/** Any connection with EDIT_NOTES may change a note of the account (notes are shared, like a fridge door). */
export async function updateNote(ctx: Context, id: string, input: NoteInput): Promise<NoteType> {
  const { entity } = await requireRightOnEntity(ctx, await ctx.db.manager.findOneBy(NoteEntity, { id }), (n) => n.accountId, 'EDIT_NOTES');
  const { title, body } = checkNote(input);
  const updatedAt = ctx.clock.now();
  await ctx.db.tx((m) => m.update(NoteEntity, { id: entity.id }, { title, body, updatedAt }));
  return toNoteType({ ...entity, title, body, updatedAt });
}

export async function deleteNote(ctx: Context, id: string): Promise<boolean> {
  const { entity } = await requireRightOnEntity(ctx, await ctx.db.manager.findOneBy(NoteEntity, { id }), (n) => n.accountId, 'EDIT_NOTES');
  await ctx.db.tx((m) => m.delete(NoteEntity, { id: entity.id }));
  return true;
}
