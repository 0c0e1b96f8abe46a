import { cookies } from 'next/headers';
import { print } from 'graphql';
import { apiGraphql } from '@/lib/api-server';
import { ACCOUNT_COOKIE, apiTokenFromCookies, loadShell, pickOpenAccount, requestClient } from '@/lib/session';
import { DOSSIER, type DossierData } from './operations';

/**
 * The open account's dossier, fetched while the page is rendered on the server, so that the
 * first paint shows the items instead of "loading" (and the browser does not ask again).
 * Null when there is nothing to show yet: no right, no fresh SMS step-up, no phone number, an
 * error; the page then asks from the browser as before and shows the step-up or the error.
 */
export async function dossierOnServer(): Promise<DossierData | null> {
  try {
    const shell = await loadShell();
    if (shell.kind !== 'signed-in') return null;
    const open = pickOpenAccount(shell.viewer.accounts, (await cookies()).get(ACCOUNT_COOKIE)?.value);
    if (!open?.myRights.includes('VIEW_DOSSIER')) return null;
    const token = await apiTokenFromCookies();
    if (!token) return null;
    const result = await apiGraphql<DossierData>(print(DOSSIER), { accountId: open.id }, { token, client: await requestClient() });
    return result.data?.account?.dossier ? result.data : null;
  } catch {
    return null;
  }
}
