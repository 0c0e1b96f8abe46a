'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { openAccount } from '@/lib/actions/preferences';
import { useI18n } from '@/lib/i18n/client';
import type { ShellAccount, ShellViewer } from '@/lib/session';
import { Avatar } from './avatar';
import { Menu } from './menu';
import { ClosedBanner } from '@/features/account-status/closed-banner';

export interface ShellProps {
  viewer: ShellViewer;
  open: ShellAccount;
  demo: boolean;
  children: ReactNode;
  /** Replaced in tests; the server action that sets the kring-account cookie. */
  onOpenAccount?: (formData: FormData) => void | Promise<void>;
}

/** The signed-in frame: menu left (a menu button on a phone), the viewer and the people they help top right. */
export function Shell({ viewer, open, demo, children, onOpenAccount }: ShellProps) {
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = usePathname();
  useEffect(() => setMenuOpen(false), [pathname]);
  const own = viewer.accounts.find((a) => a.own);
  const others = viewer.accounts.filter((a) => !a.own);
  const myName = `${viewer.user.firstName} ${viewer.user.lastName}`.trim();
  const action = onOpenAccount ?? openAccount;

  const person = (a: ShellAccount, label: string, me: boolean) => (
    <li key={a.id}>
      <form action={action}>
        <input type="hidden" name="accountId" value={a.id} />
        <button
          type="submit"
          className="avatar-button"
          aria-current={a.id === open.id ? 'true' : undefined}
          title={label}
        >
          <Avatar name={me ? myName : a.displayName} url={me ? (viewer.user.avatarUrl ?? a.avatarUrl) : a.avatarUrl} me={me} />
          <span className="visually-hidden">{a.id === open.id ? t('accounts.current', { name: label }) : label}</span>
        </button>
      </form>
    </li>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((v) => !v)}
        >
          <span aria-hidden="true">☰</span> <span className="visually-hidden">{menuOpen ? t('menu.close') : t('menu.open')}</span>
        </button>
        <Link href="/kalender" className="brand">
          {t('app.name')}
        </Link>
        {demo ? (
          <span className="demo-mark" title={t('app.demoTitle')}>
            {t('app.demo')}
          </span>
        ) : null}
        <nav aria-label={t('accounts.label')}>
          <ul className="people">
            {others.map((a) => person(a, t('accounts.open', { name: a.displayName }), false))}
            <li>
              <Link href="/activeren" className="plus-button" title={t('accounts.add')}>
                <span aria-hidden="true">+</span>
                <span className="visually-hidden">{t('accounts.add')}</span>
              </Link>
            </li>
            {own ? person(own, t('accounts.own'), true) : null}
          </ul>
        </nav>
      </header>
      <div className="layout">
        <nav id="main-menu" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label={t('menu.label')}>
          <Menu rights={open.myRights} onNavigate={() => setMenuOpen(false)} />
        </nav>
        <main id="main" tabIndex={-1}>
          <ClosedBanner account={open} />
          {!open.own ? (
            <p className="viewing-bar muted">{t('accounts.viewing', { name: open.displayName })}</p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
