'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime, LOCALES, type MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import { Avatar } from '@/features/shell/avatar';
import { ConfirmAction } from '@/features/ui/confirm-action';
import { ErrorNotice } from '@/features/ui/error-notice';
import { NewPasswordFields, passwordProblem } from '@/features/onboarding/password-fields';
import { PhoneCodeForm } from '@/features/onboarding/token-forms';
import {
  CHANGE_PASSWORD,
  END_SESSION,
  LEAVE_ACCOUNT,
  PROFILE,
  SECURITY_LOG,
  SESSIONS,
  SET_PHONE,
  SET_PHONE_HIDDEN,
  SIGN_OUT_ELSEWHERE,
  UPDATE_PROFILE,
  type ProfileData,
  type ProfileUser,
  type SecurityEventView,
} from './operations';

const PASSWORD_REASONS = new Set(['TOO_SHORT', 'TOO_LONG', 'TOO_COMMON']);

function Status({ text }: { text: string | null }) {
  return (
    <p role="status" className={text ? 'saved' : 'visually-hidden'}>
      {text ?? ''}
    </p>
  );
}

function DetailsCard({ user, onSaved }: { user: ProfileUser; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [firstName, setFirstName] = useState(user.firstName);
  const [lastName, setLastName] = useState(user.lastName);
  const [locale, setLocale] = useState(user.locale);
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [update, updated] = useMutation(UPDATE_PROFILE);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSaved(false);
    if (!firstName.trim() || !lastName.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await update({ variables: { input: { firstName: firstName.trim(), lastName: lastName.trim(), locale } } });
      setSaved(true);
      onSaved();
    } catch {
      // shown below
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.details')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {missing ? (
          <div className="notice error" role="alert">
            <p>{t('form.error.INVALID_NAME')}</p>
          </div>
        ) : null}
        <ErrorNotice error={updated.error} />
        <div className="two-cols">
          <div className="field">
            <label htmlFor={`${id}-first`}>{t('common.firstName')}</label>
            <input id={`${id}-first`} type="text" autoComplete="given-name" value={firstName} aria-invalid={(missing && !firstName.trim()) || undefined} onChange={(e) => setFirstName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-last`}>{t('common.lastName')}</label>
            <input id={`${id}-last`} type="text" autoComplete="family-name" value={lastName} aria-invalid={(missing && !lastName.trim()) || undefined} onChange={(e) => setLastName(e.target.value)} />
          </div>
        </div>
        <div className="field narrow">
          <label htmlFor={`${id}-locale`}>{t('profile.language')}</label>
          <select id={`${id}-locale`} value={locale} onChange={(e) => setLocale(e.target.value)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(l === 'nl' ? 'lang.nl' : 'lang.en')}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={updated.loading}>
            {updated.loading ? t('common.busy') : t('app.save')}
          </button>
          <Status text={saved ? t('common.saved') : null} />
        </div>
      </form>
    </section>
  );
}

function EmailCard({ user }: { user: ProfileUser }) {
  const { t } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [update, updated] = useMutation(UPDATE_PROFILE);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    try {
      await update({ variables: { input: { email: value } } });
      setSentTo(value);
      setEmail('');
    } catch {
      // shown below
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.email')}</h2>
      <p>{t('profile.emailCurrent', { email: user.email })}</p>
      {!user.emailVerified ? <p className="muted">{t('profile.emailUnverified')}</p> : null}
      {user.pendingEmail ? (
        <div className="notice warn">
          <p>{t('profile.emailPending', { email: user.pendingEmail, current: user.email })}</p>
        </div>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {invalid ? (
          <div className="notice error" role="alert">
            <p>{t('form.error.INVALID_EMAIL')}</p>
          </div>
        ) : null}
        <ErrorNotice error={updated.error} />
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('profile.emailNew')}</label>
          <input id={`${id}-email`} type="email" inputMode="email" autoComplete="email" value={email} aria-invalid={invalid || undefined} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="button-row">
          <button type="submit" className="button secondary" disabled={updated.loading}>
            {t('profile.emailChange')}
          </button>
          <Status text={sentTo ? t('profile.emailSent', { email: sentTo }) : null} />
        </div>
      </form>
    </section>
  );
}

function PasswordCard() {
  const { t } = useI18n();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [done, setDone] = useState(false);
  const [change, changed] = useMutation(CHANGE_PASSWORD);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setDone(false);
    const p = passwordProblem(password);
    const next: MessageKey | null = !current ? 'form.error.REQUIRED' : p ? `form.error.${p}` : password !== repeat ? 'form.error.PASSWORD_MISMATCH' : null;
    setProblem(next);
    if (next) return;
    try {
      await change({ variables: { currentPassword: current, newPassword: password, newPasswordRepeat: repeat } });
      setDone(true);
      setCurrent('');
      setPassword('');
      setRepeat('');
    } catch (err) {
      const info = firstApiError(err);
      if (info?.reason && PASSWORD_REASONS.has(info.reason)) setProblem(`form.error.${info.reason as 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON'}`);
      else if (info?.reason === 'MISMATCH' || info?.reason === 'PASSWORD_MISMATCH') setProblem('form.error.PASSWORD_MISMATCH');
      else if (info?.code === 'UNAUTHENTICATED' || info?.code === 'BAD_USER_INPUT' || info?.code === 'FORBIDDEN') setProblem('profile.passwordWrong');
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.password')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {problem ? (
          <div className="notice error" role="alert">
            <p>{t(problem)}</p>
          </div>
        ) : changed.error ? (
          <ErrorNotice error={changed.error} />
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('profile.passwordCurrent')}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            aria-invalid={problem === 'profile.passwordWrong' || undefined}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <NewPasswordFields idPrefix={id} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} invalid={problem !== null && problem !== 'profile.passwordWrong'} />
        <div className="button-row">
          <button type="submit" className="button" disabled={changed.loading}>
            {changed.loading ? t('common.busy') : t('common.confirm')}
          </button>
          <Status text={done ? t('profile.passwordDone') : null} />
        </div>
      </form>
    </section>
  );
}

const AVATAR_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const AVATAR_MAX = 5 * 1024 * 1024;

/** Profile picture: sent to the web server's /api/avatar, which forwards it to the API with the session's token. */
function PictureCard({ user, onSaved, upload }: { user: ProfileUser; onSaved: () => void; upload: (file: File) => Promise<Response> }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setDone(false);
    const file = input.current?.files?.[0];
    if (!file || !AVATAR_TYPES.has(file.type)) return setProblem('profile.pictureWrongType');
    if (file.size > AVATAR_MAX) return setProblem('profile.pictureTooBig');
    setProblem(null);
    setBusy(true);
    try {
      const res = await upload(file);
      if (res.ok) {
        setDone(true);
        if (input.current) input.current.value = '';
        onSaved();
      } else if (res.status === 413) setProblem('profile.pictureTooBig');
      else if (res.status === 415 || res.status === 400) setProblem('profile.pictureWrongType');
      else setProblem(res.status === 503 ? 'error.SERVICE_UNAVAILABLE' : 'error.generic');
    } catch {
      setProblem('error.SERVICE_UNAVAILABLE');
    }
    setBusy(false);
  }

  const name = `${user.firstName} ${user.lastName}`;
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.picture')}</h2>
      <div className="picture-row">
        <span className="avatar-large">
          <Avatar name={name} url={user.avatarUrl} me />
        </span>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {problem ? (
            <div className="notice error" role="alert">
              <p>{t(problem)}</p>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('profile.pictureChoose')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('profile.pictureHint')}
            </p>
            <input ref={input} id={`${id}-file`} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-hint`} />
          </div>
          <div className="button-row">
            <button type="submit" className="button secondary" disabled={busy}>
              {busy ? t('common.busy') : t('profile.pictureUpload')}
            </button>
            <Status text={done ? t('profile.pictureDone') : null} />
          </div>
        </form>
      </div>
    </section>
  );
}

function PhoneCard({ user, onChanged }: { user: ProfileUser; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const phone = user.phone;
  const [editing, setEditing] = useState(!phone);
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [savedText, setSavedText] = useState<string | null>(null);
  const [setPhone, phoneSet] = useMutation(SET_PHONE);
  const [setHidden, hiddenSet] = useMutation(SET_PHONE_HIDDEN);
  const needsPassword = Boolean(phone?.verified);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setSavedText(null);
    try {
      await setPhone({ variables: { number: number.trim(), currentPassword: needsPassword ? password : null } });
      setSavedText(t('profile.phoneSaved'));
      setEditing(false);
      setNumber('');
      setPassword('');
      onChanged();
    } catch {
      // shown below
    }
  }

  const phoneError = firstApiError(phoneSet.error);
  const phoneErrorText: MessageKey | null = !phoneSet.error
    ? null
    : phoneError?.code === 'BAD_USER_INPUT' && phoneError.reason !== 'WRONG_PASSWORD' && phoneError.reason !== 'WRONG_CREDENTIALS'
      ? 'profile.phoneInvalid'
      : phoneError?.reason === 'WRONG_PASSWORD' || phoneError?.reason === 'WRONG_CREDENTIALS' || phoneError?.code === 'UNAUTHENTICATED'
        ? 'profile.passwordWrong'
        : 'error.generic';

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.phone')}</h2>
      <p className="muted">{t('profile.phoneIntro')}</p>
      {phone ? (
        <p>
          {t('profile.phoneIs', { number: phone.masked })}{' '}
          <span className={phone.verified ? 'badge ok' : 'badge warn'}>{phone.verified ? t('profile.phoneVerified') : t('profile.phonePending')}</span>
        </p>
      ) : (
        <p>{t('profile.phoneNone')}</p>
      )}
      <Status text={savedText} />
      {phone && !phone.verified ? (
        <div className="subsection">
          <p>{t('profile.phonePendingText')}</p>
          <PhoneCodeForm onConfirmed={onChanged} />
        </div>
      ) : null}
      {phone ? (
        <div className="field choice">
          <input
            id={`${id}-hidden`}
            type="checkbox"
            checked={phone.hidden}
            disabled={hiddenSet.loading}
            onChange={(e) => void setHidden({ variables: { hidden: e.target.checked } }).then(onChanged, () => undefined)}
          />
          <label htmlFor={`${id}-hidden`}>{t('profile.phoneHidden')}</label>
        </div>
      ) : null}
      <ErrorNotice error={hiddenSet.error} />
      {editing ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="subsection">
          {phoneErrorText ? (
            <div className="notice error" role="alert">
              <p>{t(phoneErrorText)}</p>
            </div>
          ) : null}
          <div className="field narrow">
            <label htmlFor={`${id}-number`}>{t('profile.phoneNew')}</label>
            <p className="hint" id={`${id}-number-hint`}>
              {t('profile.phoneNewHint')}
            </p>
            <input id={`${id}-number`} type="tel" autoComplete="tel" value={number} aria-describedby={`${id}-number-hint`} aria-invalid={phoneErrorText === 'profile.phoneInvalid' || undefined} onChange={(e) => setNumber(e.target.value)} />
          </div>
          {needsPassword ? (
            <div className="field narrow">
              <label htmlFor={`${id}-pw`}>{t('profile.phonePassword')}</label>
              <input id={`${id}-pw`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button" disabled={phoneSet.loading || !number.trim()}>
              {phoneSet.loading ? t('common.busy') : t('profile.phoneSave')}
            </button>
            {phone ? (
              <button type="button" className="button secondary" onClick={() => setEditing(false)}>
                {t('app.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <button type="button" className="button link" onClick={() => setEditing(true)}>
          {t('profile.phoneReplace')}
        </button>
      )}
    </section>
  );
}

function SessionsCard() {
  const { t, locale } = useI18n();
  const id = useId();
  const sessions = useQuery(SESSIONS, { fetchPolicy: 'network-only' });
  const [end, ended] = useMutation(END_SESSION);
  const [elsewhere, signedOut] = useMutation(SIGN_OUT_ELSEWHERE);
  const list = sessions.data?.viewer?.sessions ?? [];
  const others = list.filter((s) => !s.current);

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.sessions')}</h2>
      <p className="muted">{t('profile.sessionsIntro')}</p>
      {sessions.loading && !sessions.data ? <p role="status">{t('app.loading')}</p> : null}
      <ErrorNotice error={sessions.error ?? ended.error ?? signedOut.error} />
      <ul className="list rows">
        {[...list]
          .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
          .map((s) => (
            <li key={s.id} className="row">
              <div>
                <strong>{s.device ?? t('profile.sessionUnknown')}</strong>
                {s.current ? <span className="badge ok">{t('profile.sessionThis')}</span> : null}
                <br />
                <span className="muted small">
                  {t('profile.sessionSince', { date: formatDateTime(locale, s.createdAt), last: formatDateTime(locale, s.lastSeenAt) })}
                </span>
              </div>
              {!s.current ? (
                <ConfirmAction
                  label={t('profile.sessionEnd')}
                  confirmLabel={t('profile.sessionEnd')}
                  question={t('profile.sessionEndQuestion')}
                  busy={ended.loading}
                  onConfirm={() => void end({ variables: { sessionId: s.id } }).then(() => sessions.refetch(), () => undefined)}
                />
              ) : null}
            </li>
          ))}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          className="button secondary"
          disabled={signedOut.loading}
          onClick={() => void elsewhere().then(() => sessions.refetch(), () => undefined)}
        >
          {t('profile.signOutElsewhere')}
        </button>
      ) : null}
      <Status text={signedOut.data ? t('profile.signedOutElsewhere', { count: signedOut.data.signOutElsewhere }) : null} />
    </section>
  );
}

export function securityActionKey(action: string): MessageKey {
  const key = `security.${action}`;
  return (key in SECURITY_KEYS ? key : 'security.other') as MessageKey;
}
const SECURITY_KEYS: Record<string, true> = Object.fromEntries(
  ['SIGNED_IN', 'STEP_UP_VERIFIED', 'PASSWORD_CHANGED', 'PASSWORD_RESET', 'EMAIL_CHANGE_REQUESTED', 'EMAIL_CHANGED', 'EMAIL_VERIFIED', 'PHONE_CHANGED', 'SESSION_ENDED', 'SESSIONS_ENDED'].map((a) => [`security.${a}`, true]),
);

function SecurityLogCard() {
  const { t, locale } = useI18n();
  const id = useId();
  const first = useQuery(SECURITY_LOG, { variables: {}, fetchPolicy: 'network-only' });
  const [more, setMore] = useState<SecurityEventView[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadMore, loadedMore] = useLazyPage();
  const page = first.data?.viewer?.securityLog;
  const nodes = [...(page?.nodes ?? []), ...more];
  const next = cursor === undefined ? page?.nextCursor : cursor;

  async function fetchNext() {
    if (!next) return;
    const result = await loadMore(next);
    if (result) {
      setMore((m) => [...m, ...result.nodes]);
      setCursor(result.nextCursor);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.securityLog')}</h2>
      <p className="muted">{t('profile.securityLogIntro')}</p>
      {first.loading && !first.data ? <p role="status">{t('app.loading')}</p> : null}
      <ErrorNotice error={first.error ?? loadedMore.error} />
      {page && nodes.length === 0 ? <p className="muted">{t('profile.securityLogEmpty')}</p> : null}
      <ul className="list rows">
        {nodes.map((e) => (
          <li key={e.id} className="row">
            <div>
              <strong>{t(securityActionKey(e.action))}</strong>
              <br />
              <span className="muted small">
                <time dateTime={e.at}>{formatDateTime(locale, e.at)}</time>
                {e.device ? ` · ${e.device}` : ''}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {next ? (
        <button type="button" className="button secondary" disabled={loadedMore.loading} onClick={() => void fetchNext()}>
          {t('common.more')}
        </button>
      ) : null}
    </section>
  );
}

/** The next page of the security log, asked by hand so that the first page stays in the cache as it is. */
function useLazyPage(): [(after: string) => Promise<{ nodes: SecurityEventView[]; nextCursor: string | null } | null>, { loading: boolean; error: unknown }] {
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  async function run(after: string) {
    setState({ loading: true, error: null });
    try {
      const r = await client.query({ query: SECURITY_LOG, variables: { after }, fetchPolicy: 'network-only' });
      setState({ loading: false, error: null });
      return r.data?.viewer?.securityLog ?? null;
    } catch (error) {
      setState({ loading: false, error });
      return null;
    }
  }
  return [run, state];
}

function CirclesCard({ accounts, onLeft }: { accounts: NonNullable<ProfileData['viewer']>['accounts']; onLeft: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [leave, left] = useMutation(LEAVE_ACCOUNT);
  const [leftName, setLeftName] = useState<string | null>(null);
  const others = accounts.filter((a) => !a.own && a.level !== 'MANAGER');
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('profile.circles')}</h2>
      <Status text={leftName ? t('profile.left', { name: leftName }) : null} />
      <ErrorNotice error={left.error} />
      {others.length === 0 ? <p className="muted">{t('profile.circlesNone')}</p> : null}
      <ul className="list rows">
        {others.map((a) => (
          <li key={a.account.id} className="row">
            <div className="person">
              <Avatar name={a.account.displayName} url={a.account.avatarUrl} />
              <div>
                <strong>{a.account.displayName}</strong>
                <br />
                <span className="muted small">{t(`level.${a.level}`)}</span>
              </div>
            </div>
            <ConfirmAction
              label={t('profile.leave')}
              confirmLabel={t('profile.leaveConfirm')}
              question={t('profile.leaveQuestion', { name: a.account.displayName })}
              busy={left.loading}
              onConfirm={() =>
                void leave({ variables: { accountId: a.account.id } }).then(() => {
                  setLeftName(a.account.displayName);
                  onLeft();
                }, () => undefined)
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

async function uploadAvatar(file: File): Promise<Response> {
  return fetch('/api/avatar', { method: 'PUT', body: file, headers: { 'content-type': file.type }, credentials: 'same-origin' });
}

/** /profiel: the viewer's own login — names, language, e-mail, password, picture, phone, sessions, security log, circles. */
export function ProfileView({ upload = uploadAvatar }: { upload?: (file: File) => Promise<Response> }) {
  const { t } = useI18n();
  const router = useRouter();
  const profile = useQuery(PROFILE, { fetchPolicy: 'network-only' });
  const viewer = profile.data?.viewer;
  const refresh = () => {
    void profile.refetch();
    // The shell (names, picture, language, the people list) is rendered on the server.
    router.refresh();
  };

  if (profile.loading && !viewer) return <p role="status">{t('app.loading')}</p>;
  if (!viewer) return <ErrorNotice error={profile.error ?? new Error('empty')} />;
  const { user } = viewer;
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <DetailsCard user={user} onSaved={refresh} />
      <PictureCard user={user} onSaved={refresh} upload={upload} />
      <EmailCard user={user} />
      <PasswordCard />
      <PhoneCard user={user} onChanged={() => void profile.refetch()} />
      <section className="card" aria-labelledby="profile-notify-h">
        <h2 id="profile-notify-h">{t('profile.notifications')}</h2>
        <p>{t('profile.notificationsText')}</p>
        <Link href="/meldingen">{t('profile.notificationsLink')}</Link>
      </section>
      <CirclesCard accounts={viewer.accounts} onLeft={refresh} />
      <SessionsCard />
      <SecurityLogCard />
    </>
  );
}
