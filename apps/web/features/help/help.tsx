import { apiTokenFromCookies } from '@/lib/session';
import { HelpBubble } from './help-bubble';

/** Server part of the help bubble: the support address (configuration) and whether someone is signed in. */
export async function Help() {
  const supportEmail = process.env.KRING_SUPPORT_EMAIL ?? process.env.SUPPORT_EMAIL ?? 'support@kring.example';
  let signedIn = false;
  try {
    signedIn = (await apiTokenFromCookies()) !== null;
  } catch {
    signedIn = false;
  }
  return <HelpBubble supportEmail={supportEmail} signedIn={signedIn} />;
}
