'use client';

import { useId, useState, type SyntheticEvent } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';

export type SignInFn = (email: string, password: string) => Promise<{ error?: string | null; ok?: boolean } | undefined>;

const FAILURES: Record<string, MessageKey> = {
  WRONG_CREDENTIALS: 'login.error.WRONG_CREDENTIALS',
  CredentialsSignin: 'login.error.WRONG_CREDENTIALS',
  RATE_LIMITED: 'login.error.RATE_LIMITED',
  UNAVAILABLE: 'login.error.UNAVAILABLE',
};

/** E-mail + password. `signIn` is next-auth's credentials sign-in, injected so that tests can replace it. */
export function LoginForm({ signIn, onSuccess, expired }: { signIn: SignInFn; onSuccess: () => void; expired?: boolean }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('login.error.MISSING');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(email.trim(), password);
      if (result?.ok && !result.error) {
        onSuccess();
        return;
      }
      setError(FAILURES[result?.error ?? ''] ?? 'login.error.UNAVAILABLE');
    } catch {
      setError('login.error.UNAVAILABLE');
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? errorId : undefined}>
      {expired && !error ? (
        <div className="notice warn" role="status">
          <p>{t('login.expired')}</p>
        </div>
      ) : null}
      {error ? (
        <div className="notice error" role="alert" id={errorId}>
          <p>{t(error)}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error === 'login.error.WRONG_CREDENTIALS' || (error === 'login.error.MISSING' && !email.trim())}
        />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={error === 'login.error.WRONG_CREDENTIALS' || (error === 'login.error.MISSING' && !password)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
    </form>
  );
}
