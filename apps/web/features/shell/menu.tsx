'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useI18n } from '@/lib/i18n/client';
import type { ShellAccount } from '@/lib/session';
import { menuFor } from './menu-items';

/** The main menu for the open account: only pages its myRights allow, then sign-out. */
export function Menu({ rights, onNavigate }: { rights: ShellAccount['myRights']; onNavigate?: () => void }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <ul className="menu">
      {menuFor(rights).map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={pathname === item.href || pathname?.startsWith(`${item.href}/`) ? 'page' : undefined} onClick={onNavigate}>
            {t(item.label)}
          </Link>
        </li>
      ))}
      <li className="separator" aria-hidden="true" />
      <li>
        <button type="button" onClick={() => void signOut({ callbackUrl: '/login' })}>
          {t('menu.signOut')}
        </button>
      </li>
    </ul>
  );
}

