import { badInput } from '../../core/errors';

/** Largest page any list of this module hands out in one request. */
export const MAX_PAGE = 100;

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput('PAGE_SIZE', `Vraag 1 tot ${MAX_PAGE} items per keer op.`, 'first');
  }
}

/** Opaque keyset cursor: the sort instant and the id of the last row of the page. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof ms === 'number' && Number.isFinite(ms) && typeof id === 'string' && id.length <= 36) {
      return { at: new Date(ms), id };
    }
  } catch {
    // fall through: an unreadable cursor is bad input, never a server error
  }
  throw badInput('BAD_CURSOR', 'Deze pagina bestaat niet (meer).', 'after');
}

/** Number of characters as a person counts them (code points, so an emoji is one). */
export const charCount = (s: string): number => [...s].length;
