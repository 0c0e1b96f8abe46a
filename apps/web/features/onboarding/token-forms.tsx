'use client';

import Link from 'next/link';
import { useId, useState, type SubmitEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import { ErrorNotice } from '@/features/ui/error-notice';
import { NewPasswordFields, passwordProblem } from './password-fields';
import { CONFIRM_PHONE, REQUEST_PASSWORD_RESET, RESET_PASSWORD, SEND_PHONE_CODE, VERIFY_EMAIL } from './operations';

/** True when the API refused a link's token (unknown, used, expired), as opposed to an outage. */
function tokenRefused(error: unknown): boolean {
  const code = firstApiError(error)?.code;
  return code === 'BAD_USER_INPUT' || code === 'NOT_FOUND' || code === 'FORBIDDEN';
}

/** /wachtwoord-vergeten: always the same answer, whether or not the address has a login. */
export function ForgotPasswordForm() {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const [request, requested] = useMutation(REQUEST_PASSWORD_RESET);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!email.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await request({ variables: { email: email.trim() } });
      setDone(true);
    } catch (err) {
      // A refused address (BAD_USER_INPUT) gets the same answer as any other: nothing is revealed.
      if (firstApiError(err)?.code === 'BAD_USER_INPUT') setDone(true);
    }
  }

  if (done) {
    return (
      <div className="notice" role="status">
        <p>{t('forgot.done')}</p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t('forgot.intro')}</p>
      {missing ? (
        <div className="notice error" role="alert">
          <p>{t('form.error.INVALID_EMAIL')}</p>
        </div>
      ) : null}
      {requested.error && !tokenRefused(requested.error) ? <ErrorNotice error={requested.error} /> : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('common.email')}</label>
        <input id={`${id}-email`} type="email" inputMode="email" autoComplete="username" value={email} aria-invalid={missing || undefined} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <button type="submit" className="button" disabled={requested.loading}>
        {requested.loading ? t('common.busy') : t('forgot.submit')}
      </button>
    </form>
  );
}

/** /wachtwoord-herstellen?token=…: the new password twice; every session ends, then sign in again. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [reset, result] = useMutation(RESET_PASSWORD);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const p = passwordProblem(password);
    const next: MessageKey | null = p ? `form.error.${p}` : password !== repeat ? 'form.error.PASSWORD_MISMATCH' : null;
    setProblem(next);
    if (next) return;
    try {
      await reset({ variables: { token, newPassword: password } });
    } catch (err) {
      const reason = firstApiError(err)?.reason;
      if (reason === 'TOO_SHORT' || reason === 'TOO_LONG' || reason === 'TOO_COMMON') setProblem(`form.error.${reason}`);
    }
  }

  if (result.data?.resetPassword) {
    return (
      <div className="notice" role="status">
        <p>{t('reset.done')}</p>
        <p>
          <Link href="/login" className="button">
            {t('common.toLogin')}
          </Link>
        </p>
      </div>
    );
  }
  const invalid = !token || (result.error && !problem && tokenRefused(result.error));
  if (invalid) {
    return (
      <div className="notice warn" role="alert">
        <p>{t('reset.invalid')}</p>
        <p>
          <Link href="/wachtwoord-vergeten">{t('reset.again')}</Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t('reset.intro')}</p>
      {problem ? (
        <div className="notice error" role="alert">
          <p>{t(problem)}</p>
        </div>
      ) : result.error ? (
        <ErrorNotice error={result.error} />
      ) : null}
      <NewPasswordFields idPrefix={id} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={problem !== null} />
      <button type="submit" className="button" disabled={result.loading}>
        {result.loading ? t('common.busy') : t('reset.submit')}
      </button>
    </form>
  );
}

/** /e-mail/bevestigen?token=…: a button, so that a link scanner opening the page does not use the token. */
export function VerifyEmailPanel({ token }: { token: string }) {
  const { t } = useI18n();
  const [verify, result] = useMutation(VERIFY_EMAIL);
  if (result.data?.verifyEmail) {
    return (
      <div className="notice" role="status">
        <p>{t('verifyEmail.done')}</p>
      </div>
    );
  }
  if (!token || result.data?.verifyEmail === false || (result.error && tokenRefused(result.error))) {
    return (
      <div className="notice warn" role="alert">
        <p>{t('verifyEmail.invalid')}</p>
      </div>
    );
  }
  return (
    <>
      <p>{t('verifyEmail.intro')}</p>
      <ErrorNotice error={result.error} />
      <button type="button" className="button" disabled={result.loading} onClick={() => void verify({ variables: { token } }).catch(() => undefined)}>
        {result.loading ? t('common.busy') : t('verifyEmail.submit')}
      </button>
    </>
  );
}

export function phoneCodeErrorKey(error: unknown): MessageKey {
  const info = firstApiError(error);
  if (info?.reason === 'CODE_VOIDED') return 'verifyPhone.error.CODE_VOIDED';
  if (info?.reason === 'CODE_EXPIRED') return 'verifyPhone.error.CODE_EXPIRED';
  if (info?.code === 'BAD_USER_INPUT') return 'verifyPhone.error.WRONG_CODE';
  if (info?.code === 'RATE_LIMITED') return 'stepUp.error.RATE_LIMITED';
  return 'error.generic';
}

/** "Bevestig met code": six digits from the text message, for the signed-in user's pending number. */
export function PhoneCodeForm({ onConfirmed }: { onConfirmed?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [format, setFormat] = useState(false);
  const [confirm, confirmed] = useMutation(CONFIRM_PHONE);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setFormat(true);
      return;
    }
    setFormat(false);
    try {
      await confirm({ variables: { code: digits } });
      onConfirmed?.();
    } catch {
      setCode('');
    }
  }

  if (confirmed.data?.confirmPhoneNumber.verified) {
    return (
      <div className="notice" role="status">
        <p>{t('verifyPhone.done')}</p>
      </div>
    );
  }
  const errorKey: MessageKey | null = format ? 'stepUp.error.FORMAT' : confirmed.error ? phoneCodeErrorKey(confirmed.error) : null;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {errorKey ? (
        <div className="notice error" role="alert">
          <p>{t(errorKey)}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-code`}>{t('verifyPhone.code')}</label>
        <input
          id={`${id}-code`}
          className="code-input"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          aria-invalid={errorKey !== null || undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={confirmed.loading}>
        {confirmed.loading ? t('common.busy') : t('common.confirm')}
      </button>
    </form>
  );
}

/** /telefoon/bevestigen?token=…: "stuur code" sends the SMS; the code is then entered here (signed in) or on the profile. */
export function VerifyPhonePanel({ token, signedIn }: { token: string; signedIn: boolean }) {
  const { t } = useI18n();
  const [send, sent] = useMutation(SEND_PHONE_CODE);
  if (!token || (sent.error && tokenRefused(sent.error))) {
    return (
      <div className="notice warn" role="alert">
        <p>{t('verifyPhone.invalid')}</p>
      </div>
    );
  }
  if (!sent.data?.sendPhoneVerificationCode) {
    return (
      <>
        <p>{t('verifyPhone.intro')}</p>
        {sent.error ? (
          <div className="notice error" role="alert">
            <p>{t(phoneCodeErrorKey(sent.error))}</p>
          </div>
        ) : null}
        <button type="button" className="button" disabled={sent.loading} onClick={() => void send({ variables: { token } }).catch(() => undefined)}>
          {sent.loading ? t('stepUp.sending') : t('verifyPhone.send')}
        </button>
      </>
    );
  }
  return (
    <>
      <p role="status">{t('verifyPhone.sent')}</p>
      {signedIn ? (
        <PhoneCodeForm />
      ) : (
        <>
          <p>{t('verifyPhone.signIn')}</p>
          <p>
            <Link href="/login" className="button">
              {t('common.toLogin')}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
