'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { apiGraphql } from '../api-server';
import { isLocale, LOCALE_COOKIE } from '../i18n';
import { secureCookies } from '../server-env';
import { ACCOUNT_COOKIE, apiTokenFromCookies, loadShell, requestClient } from '../session';

const YEAR = 365 * 24 * 60 * 60;

/** Language switch: a cookie for signed-out pages, and the profile when signed in. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  const store = await cookies();
  store.set(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR, sameSite: 'lax', secure: secureCookies(), httpOnly: true });
  const token = await apiTokenFromCookies(store);
  if (token) {
    // Best effort: the profile's language wins when signed in (updateProfile may refuse; the cookie then still helps).
    try {
      await apiGraphql('mutation SetLocale($input: ProfileInput!) { updateProfile(input: $input) { id locale } }', { input: { locale } }, { token, client: await requestClient() });
    } catch {
      // ignore: the API may be unreachable; the cookie is set
    }
  }
  revalidatePath('/', 'layout');
}

/** Opens another account the viewer is connected to, in this same session. */
export async function openAccount(formData: FormData): Promise<void> {
  const id = formData.get('accountId');
  const shell = await loadShell();
  if (shell.kind !== 'signed-in') redirect('/login');
  // Only an account from the viewer's own list; the API checks every field anyway.
  const target = shell.viewer.accounts.find((a) => a.id === id);
  if (!target) return;
  (await cookies()).set(ACCOUNT_COOKIE, target.id, { path: '/', sameSite: 'lax', secure: secureCookies(), httpOnly: true });
  redirect('/kalender');
}
