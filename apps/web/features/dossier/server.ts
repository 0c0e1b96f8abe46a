import { print } from 'graphql';
import { openAccountOnServer } from '@/lib/session';
import { DOSSIER, type DossierData } from './operations';

/**
 * The open account's dossier, fetched while the page is rendered on the server, so that the
 * first paint shows the items instead of "loading" (and the browser does not ask again).
 * Null when there is nothing to show yet: no right, no fresh SMS step-up, no phone number, an
 * error; the page then asks from the browser as before and shows the step-up or the error.
 */
export async function dossierOnServer(): Promise<DossierData | null> {
  try {
    const session = await openAccountOnServer('VIEW_DOSSIER');
    if (!session) return null;
    const result = await session.ask<DossierData>(print(DOSSIER), { accountId: session.open.id });
    return result.data?.account?.dossier ? result.data : null;
  } catch {
    return null;
  }
}
