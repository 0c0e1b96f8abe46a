'use client';

import { useId, useState, type SubmitEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { formatDate, type MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { ErrorNotice } from '@/features/ui/error-notice';
import { NewPasswordFields, passwordProblem } from './password-fields';
import type { ProviderSignIn } from './activation-form';
import { DECLINE_INVITATION } from './operations';
import type { InvitationPreviewView } from './server';

const FAILURES: Record<string, MessageKey> = {
  EMAIL_MISMATCH: 'invite.error.EMAIL_MISMATCH',
  LOGIN_EXISTS: 'invite.error.LOGIN_EXISTS',
  INVITATION_INVALID: 'invite.error.INVITATION_INVALID',
  ALREADY_CONNECTED: 'invite.error.ALREADY_CONNECTED',
  WRONG_CREDENTIALS: 'invite.error.WRONG_CREDENTIALS',
  CredentialsSignin: 'invite.error.WRONG_CREDENTIALS',
  TOO_SHORT: 'form.error.TOO_SHORT',
  TOO_LONG: 'form.error.TOO_LONG',
  TOO_COMMON: 'form.error.TOO_COMMON',
  INVALID_NAME: 'form.error.INVALID_NAME',
  REQUIRED: 'form.error.REQUIRED',
  RATE_LIMITED: 'login.error.RATE_LIMITED',
  BAD_USER_INPUT: 'error.BAD_USER_INPUT',
  UNAVAILABLE: 'login.error.UNAVAILABLE',
};

type Mode = 'new' | 'signin';

/** Accept (new login bound to the invited address, sign in, or the current login) or decline. */
export function InvitationAccept({
  invitation,
  signedInAs,
  signIn: doSignIn,
  onDone,
}: {
  invitation: InvitationPreviewView & { token: string };
  signedInAs: { name: string; email: string } | null;
  signIn: ProviderSignIn;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const sameLogin = signedInAs !== null && signedInAs.email.toLowerCase() === invitation.email.toLowerCase();
  const [mode, setMode] = useState<Mode>('new');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState(invitation.email);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [askDecline, setAskDecline] = useState(false);
  const [decline, declined] = useMutation(DECLINE_INVITATION);

  function check(): MessageKey | null {
    if (sameLogin) return null;
    if (mode === 'signin') return email.trim() && password ? null : 'form.error.REQUIRED';
    if (!firstName.trim() || !lastName.trim()) return 'form.error.INVALID_NAME';
    const problem = passwordProblem(password);
    if (problem) return `form.error.${problem}`;
    if (password !== repeat) return 'form.error.PASSWORD_MISMATCH';
    return null;
  }

  async function accept(e: SubmitEvent) {
    e.preventDefault();
    const problem = check();
    setError(problem);
    if (problem) return;
    setBusy(true);
    const fields: Record<string, string> = sameLogin
      ? { token: invitation.token, mode: 'current' }
      : mode === 'new'
        ? { token: invitation.token, mode, firstName: firstName.trim(), lastName: lastName.trim(), email: invitation.email, password }
        : { token: invitation.token, mode, email: email.trim(), password };
    try {
      const result = await doSignIn('invitation', fields);
      if (result?.ok && !result.error) {
        onDone();
        return;
      }
      const word = result?.error ?? 'UNAVAILABLE';
      if (word === 'LOGIN_EXISTS') setMode('signin');
      setError(FAILURES[word] ?? 'error.generic');
    } catch {
      setError('login.error.UNAVAILABLE');
    }
    setBusy(false);
  }

  if (declined.data?.declineInvitation) {
    return (
      <div className="notice" role="status">
        <p>{t('invite.declined')}</p>
      </div>
    );
  }

  const pwError = error === 'form.error.TOO_SHORT' || error === 'form.error.TOO_LONG' || error === 'form.error.TOO_COMMON' || error === 'form.error.PASSWORD_MISMATCH';
  return (
    <>
      <div className="invite-summary">
        <p className="lead">
          {invitation.invitedBy === invitation.accountDisplayName
            ? t('invite.leadOwn', { by: invitation.invitedBy })
            : t('invite.lead', { by: invitation.invitedBy, name: invitation.accountDisplayName })}
        </p>
        <p>
          <strong>{t('invite.levelIs', { level: t(`level.${invitation.level}`) })}</strong>
          <br />
          {t(`levelText.${invitation.level}`)}
        </p>
        <p className="muted">{t('invite.forEmail', { email: invitation.email, date: formatDate(locale, invitation.expiresAt) })}</p>
      </div>
      <form onSubmit={(e) => void accept(e)} noValidate>
        {error ? (
          <div className="notice error" role="alert">
            <p>{t(error, { email: invitation.email })}</p>
          </div>
        ) : null}
        {sameLogin ? (
          <p>{t('invite.acceptSignedIn', { name: signedInAs.name })}</p>
        ) : (
          <fieldset className="group">
            <legend>{t('invite.howTo')}</legend>
            <div className="segmented">
              {(['new', 'signin'] as const).map((m) => (
                <div className="choice inline" key={m}>
                  <input id={`${id}-mode-${m}`} type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
                  <label htmlFor={`${id}-mode-${m}`}>{t(m === 'new' ? 'activate.newLogin' : 'activate.haveLogin')}</label>
                </div>
              ))}
            </div>
            {mode === 'new' ? (
              <>
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
                <div className="field">
                  <label htmlFor={`${id}-email-fixed`}>{t('common.email')}</label>
                  <p className="hint" id={`${id}-email-hint`}>
                    {t('invite.emailFixed')}
                  </p>
                  <input id={`${id}-email-fixed`} type="email" value={invitation.email} readOnly aria-describedby={`${id}-email-hint`} autoComplete="username" />
                </div>
                <NewPasswordFields idPrefix={id} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={pwError} />
              </>
            ) : (
              <>
                <div className="field">
                  <label htmlFor={`${id}-email`}>{t('common.email')}</label>
                  <input id={`${id}-email`} type="email" inputMode="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-pw-login`}>{t('common.password')}</label>
                  <input id={`${id}-pw-login`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
                </div>
              </>
            )}
          </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('invite.accepting') : t('invite.accept')}
          </button>
          {!askDecline ? (
            <button type="button" className="button secondary" onClick={() => setAskDecline(true)}>
              {t('invite.decline')}
            </button>
          ) : null}
        </div>
      </form>
      {askDecline ? (
        <div role="group" aria-label={t('invite.declineQuestion', { by: invitation.invitedBy })} className="notice warn confirm-box">
          <p>{t('invite.declineQuestion', { by: invitation.invitedBy })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button danger"
              disabled={declined.loading}
              onClick={() => void decline({ variables: { token: invitation.token } }).catch(() => undefined)}
            >
              {t('invite.decline')}
            </button>
            <button type="button" className="button secondary" onClick={() => setAskDecline(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorNotice error={declined.error} />
    </>
  );
}
