'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { PublicApollo } from './public-apollo';
import { useI18n } from '@/lib/i18n/client';
import { LanguageSwitch } from '@/features/auth/language-switch';

/** The frame of the pages reached from a letter or an e-mail: the sign-in page's look, with its own heading. */
export function PublicFrame({ title, children, signedIn, demo }: { title: string; children: ReactNode; signedIn?: boolean; demo?: boolean }) {
  const { t } = useI18n();
  return (
    <PublicApollo>
      <div className="auth-page">
        <div className="auth-card wide">
          <header className="button-row" style={{ justifyContent: 'space-between' }}>
            <p className="auth-brand">
              <Link href={signedIn ? '/kalender' : '/login'} className="brand-link">
                {t('app.name')}
              </Link>{' '}
              {demo ? (
                <span className="demo-mark" title={t('app.demoTitle')}>
                  {t('app.demo')}
                </span>
              ) : null}
            </p>
            <LanguageSwitch />
          </header>
          <main className="card" id="main">
            <h1>{title}</h1>
            {children}
            <p className="auth-links back-link">
              {signedIn ? <Link href="/kalender">{t('common.toKring')}</Link> : <Link href="/login">{t('common.toLogin')}</Link>}
            </p>
          </main>
        </div>
      </div>
    </PublicApollo>
  );
}
