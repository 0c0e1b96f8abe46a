'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { LoginForm } from './login-form';
import { LanguageSwitch } from './language-switch';
import { useI18n } from '@/lib/i18n/client';

export function LoginPage({ expired, demo }: { expired: boolean; demo: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <div className="auth-page">
      <div className="auth-card">
        <header className="button-row" style={{ justifyContent: 'space-between' }}>
          <p className="auth-brand">
            {t('app.name')} {demo ? <span className="demo-mark" title={t('app.demoTitle')}>{t('app.demo')}</span> : null}
          </p>
          <LanguageSwitch />
        </header>
        <main className="card" id="main">
          <h1>{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <LoginForm
            expired={expired}
            signIn={(email, password) => signIn('credentials', { email, password, redirect: false })}
            onSuccess={() => {
              // The signed-in layout is rendered on the server with the new session cookie.
              router.replace('/kalender');
              router.refresh();
            }}
          />
          <div className="auth-links">
            <Link href="/wachtwoord-vergeten">{t('login.forgot')}</Link>
            <Link href="/activeren">{t('login.activate')}</Link>
          </div>
        </main>
      </div>
    </div>
  );
}
