import { print } from 'graphql';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { openAccountOnServer } from '@/lib/session';
import { ACCOUNT_CALENDAR, type CalendarInitial, type CalendarData } from './operations';
import { localParts, openingView, visibleDays, windowOf, type CalendarMode } from './zoned';

// With __typename, as Apollo Client asks it in the browser, so the answer can go into its cache as is.
const QUERY = print(addTypenameToDocument(ACCOUNT_CALENDAR));

/**
 * The open account's appointments in the window the calendar opens with (the month around today in the
 * account's zone, or `?datum`/`?weergave`), fetched while the page is rendered on the server, so that the
 * first paint shows them and the browser does not ask again. Null when there is nothing to hand over
 * (no right to view the calendar, an error): the browser then asks as before.
 */
export async function calendarOnServer(opts: { initialDate?: string; initialMode?: CalendarMode }): Promise<CalendarInitial | null> {
  try {
    const session = await openAccountOnServer('VIEW_CALENDAR');
    if (!session) return null;
    const { open } = session;
    const { mode, anchor } = openingView({ ...opts, today: localParts(new Date(), open.timeZone).date });
    const variables = { accountId: open.id, ...windowOf(visibleDays(mode, anchor), open.timeZone) };
    const result = await session.ask<CalendarData>(QUERY, variables);
    if (result.errors?.length || !result.data?.account?.calendar) return null;
    return { mode, variables, data: result.data };
  } catch {
    return null;
  }
}
