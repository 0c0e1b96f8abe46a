'use client';

import { useId, useState, type SubmitEvent } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { NewPasswordFields, passwordProblem } from './password-fields';

/** next-auth's signIn for a named credentials provider, injected so that tests can replace it. */
export type ProviderSignIn = (provider: string, fields: Record<string, string>) => Promise<{ error?: string | null; ok?: boolean } | undefined>;

export const ACTIVATION_FAILURES: Record<string, MessageKey> = {
  CODE_OR_BIRTH_DATE_WRONG: 'activate.error.CODE_OR_BIRTH_DATE_WRONG',
  LETTER_EXPIRED: 'activate.error.LETTER_EXPIRED',
  LETTER_USED: 'activate.error.LETTER_USED',
  ALREADY_ACTIVATED: 'activate.error.ALREADY_ACTIVATED',
  TOO_MANY_TRIES: 'activate.error.TOO_MANY_TRIES',
  LOGIN_NEEDED: 'activate.error.LOGIN_NEEDED',
  WRONG_CREDENTIALS: 'activate.error.WRONG_CREDENTIALS',
  CredentialsSignin: 'activate.error.CODE_OR_BIRTH_DATE_WRONG',
  TOO_SHORT: 'form.error.TOO_SHORT',
  TOO_LONG: 'form.error.TOO_LONG',
  TOO_COMMON: 'form.error.TOO_COMMON',
  REQUIRED: 'form.error.REQUIRED',
  INVALID_NAME: 'form.error.INVALID_NAME',
  INVALID_EMAIL: 'form.error.INVALID_EMAIL',
  BAD_USER_INPUT: 'error.BAD_USER_INPUT',
  RATE_LIMITED: 'login.error.RATE_LIMITED',
  UNAVAILABLE: 'login.error.UNAVAILABLE',
};

type LoginMode = 'new' | 'signin';

/**
 * "Account activeren": code + birth date from the letter, for oneself or someone represented,
 * then a new login, an existing one, or (signed in) the current one. The activation runs in
 * next-auth's `activation` provider, server-side; this form only collects and translates.
 */
export function ActivationForm({ signedInAs, signIn, onDone }: { signedInAs: string | null; signIn: ProviderSignIn; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [forSelf, setForSelf] = useState(true);
  const [mode, setMode] = useState<LoginMode>('new');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  function check(): MessageKey | null {
    if (!code.trim() || !birthDate) return 'activate.error.MISSING';
    if (signedInAs) return null;
    if (mode === 'signin') return email.trim() && password ? null : 'form.error.REQUIRED';
    if (!firstName.trim() || !lastName.trim() || !email.trim()) return 'form.error.REQUIRED';
    const problem = passwordProblem(password);
    if (problem) return `form.error.${problem}`;
    if (password !== repeat) return 'form.error.PASSWORD_MISMATCH';
    return null;
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const problem = check();
    setError(problem);
    if (problem) return;
    setBusy(true);
    const fields: Record<string, string> = {
      code: code.trim(),
      birthDate,
      forSelf: String(forSelf),
      mode: signedInAs ? 'current' : mode,
      ...(signedInAs ? {} : { email: email.trim(), password }),
      ...(!signedInAs && mode === 'new' ? { firstName: firstName.trim(), lastName: lastName.trim() } : {}),
    };
    try {
      const result = await signIn('activation', fields);
      if (result?.ok && !result.error) {
        onDone();
        return;
      }
      const word = result?.error ?? 'UNAVAILABLE';
      // An e-mail that already has a login: the same form continues as "ik heb al een login".
      if (word === 'LOGIN_NEEDED') {
        setMode('signin');
        setPassword('');
        setRepeat('');
      }
      setError(ACTIVATION_FAILURES[word] ?? 'error.generic');
    } catch {
      setError('login.error.UNAVAILABLE');
    }
    setBusy(false);
  }

  const letterWrong = error === 'activate.error.CODE_OR_BIRTH_DATE_WRONG' || error === 'activate.error.MISSING';
  const pwError = error === 'form.error.TOO_SHORT' || error === 'form.error.TOO_LONG' || error === 'form.error.TOO_COMMON' || error === 'form.error.PASSWORD_MISMATCH';

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {error ? (
        <div className="notice error" role="alert">
          <p>{t(error)}</p>
        </div>
      ) : null}
      <fieldset className="group">
        <legend>{t('activate.letter')}</legend>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('common.code')}</label>
          <p className="hint" id={`${id}-code-hint`}>
            {t('common.codeHint')}
          </p>
          <input
            id={`${id}-code`}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="letter-code"
            value={code}
            aria-describedby={`${id}-code-hint`}
            aria-invalid={letterWrong || undefined}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-birth`}>{t('common.birthDate')}</label>
          <p className="hint" id={`${id}-birth-hint`}>
            {t('common.birthDateHint')}
          </p>
          <input
            id={`${id}-birth`}
            type="date"
            className="date-input"
            value={birthDate}
            max="2100-12-31"
            aria-describedby={`${id}-birth-hint`}
            aria-invalid={letterWrong || undefined}
            onChange={(e) => setBirthDate(e.target.value)}
          />
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>{t('activate.forWhom')}</legend>
        <div className="choice">
          <input id={`${id}-self`} type="radio" name={`${id}-for`} checked={forSelf} onChange={() => setForSelf(true)} aria-describedby={`${id}-self-hint`} />
          <label htmlFor={`${id}-self`}>{t('activate.forSelf')}</label>
          <p className="hint" id={`${id}-self-hint`}>
            {t('activate.forSelfHint')}
          </p>
        </div>
        <div className="choice">
          <input id={`${id}-other`} type="radio" name={`${id}-for`} checked={!forSelf} onChange={() => setForSelf(false)} aria-describedby={`${id}-other-hint`} />
          <label htmlFor={`${id}-other`}>{t('activate.forOther')}</label>
          <p className="hint" id={`${id}-other-hint`}>
            {t('activate.forOtherHint')}
          </p>
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>{t('activate.login')}</legend>
        {signedInAs ? (
          <p>{t('activate.signedInAs', { name: signedInAs })}</p>
        ) : (
          <>
            <div className="segmented" role="radiogroup" aria-label={t('activate.login')}>
              {(['new', 'signin'] as const).map((m) => (
                <div className="choice inline" key={m}>
                  <input id={`${id}-mode-${m}`} type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
                  <label htmlFor={`${id}-mode-${m}`}>{t(m === 'new' ? 'activate.newLogin' : 'activate.haveLogin')}</label>
                </div>
              ))}
            </div>
            {mode === 'new' ? (
              <div className="two-cols">
                <div className="field">
                  <label htmlFor={`${id}-first`}>{t('common.firstName')}</label>
                  <input id={`${id}-first`} type="text" autoComplete="given-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-last`}>{t('common.lastName')}</label>
                  <input id={`${id}-last`} type="text" autoComplete="family-name" value={lastName} onChange={(e) => setLastName(e.target.value)} />
                </div>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor={`${id}-email`}>{t('common.email')}</label>
              <input
                id={`${id}-email`}
                type="email"
                inputMode="email"
                autoComplete={mode === 'new' ? 'email' : 'username'}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            {mode === 'new' ? (
              <NewPasswordFields idPrefix={id} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={pwError} />
            ) : (
              <div className="field">
                <label htmlFor={`${id}-pw-login`}>{t('common.password')}</label>
                <input
                  id={`${id}-pw-login`}
                  type="password"
                  autoComplete="current-password"
                  value={password}
                  aria-invalid={error === 'activate.error.WRONG_CREDENTIALS' || undefined}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
            )}
          </>
        )}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('activate.busy') : t('activate.submit')}
      </button>
    </form>
  );
}
