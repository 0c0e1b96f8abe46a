import type { ReactNode } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { KringApolloProvider } from '@/lib/apollo';
import { I18nProvider } from '@/lib/i18n/client';
import { isLocale } from '@/lib/i18n';
import { ACCOUNT_COOKIE, loadShell, pickOpenAccount } from '@/lib/session';
import { AccountProvider } from '@/features/shell/account-context';
import { Shell } from '@/features/shell/shell';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const shell = await loadShell();
  if (shell.kind === 'signed-out') redirect('/login');
  if (shell.kind === 'expired') redirect('/login?expired=1');
  const { viewer } = shell;
  const open = pickOpenAccount(viewer.accounts, (await cookies()).get(ACCOUNT_COOKIE)?.value);
  if (!open) redirect('/login?expired=1');
  const locale = isLocale(viewer.user.locale) ? viewer.user.locale : 'nl';
  return (
    <I18nProvider locale={locale}>
      <KringApolloProvider>
        <AccountProvider value={{ account: open, viewerId: viewer.user.id, accounts: viewer.accounts }}>
          <Shell viewer={viewer} open={open} demo={process.env.NEXT_PUBLIC_KRING_DEMO === '1'}>
            {children}
          </Shell>
        </AccountProvider>
      </KringApolloProvider>
    </I18nProvider>
  );
}
