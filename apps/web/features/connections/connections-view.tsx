'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type SubmitEvent } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { formatDate, type MessageKey } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import type { AccessLevel } from '@/lib/session';
import { useOpenAccount } from '@/features/shell/account-context';
import { Avatar } from '@/features/shell/avatar';
import { ConfirmAction } from '@/features/ui/confirm-action';
import { ErrorNotice } from '@/features/ui/error-notice';
import { ACTIVATION_FAILURES } from '@/features/onboarding/activation-form';
import { LeaveCircle } from './leave-circle';
import { ProtectedGate } from './protected-gate';
import {
  CIRCLE,
  DEACTIVATE_ACCOUNT,
  INVITE_HELPER,
  LINK_PROVIDER,
  REMOVE_CONNECTION,
  RESEND_INVITATION,
  REVOKE_INVITATION,
  SET_CONNECTION_LEVEL,
  UNLINK_PROVIDER,
  type ConnectionView,
  type InvitationView,
  type ProviderLinkView,
} from './operations';

const CONNECTION_ERRORS: Record<string, MessageKey> = {
  ALREADY_CONNECTED: 'connections.error.ALREADY_CONNECTED',
  INVALID_LEVEL: 'connections.error.INVALID_LEVEL',
  CANNOT_CHANGE_MANAGER: 'connections.error.CANNOT_CHANGE_MANAGER',
  CANNOT_REMOVE_MANAGER: 'connections.error.CANNOT_REMOVE_MANAGER',
  NOT_PENDING: 'connections.error.NOT_PENDING',
  INVALID_NAME: 'form.error.INVALID_NAME',
  INVALID_EMAIL: 'form.error.INVALID_EMAIL',
};

/** An API error of this page in plain words: its reason when known, else its code. */
export function ApiProblem({ error, known = CONNECTION_ERRORS }: { error: unknown; known?: Record<string, MessageKey> }) {
  const { t } = useI18n();
  if (!error) return null;
  const info = firstApiError(error);
  const key = info?.reason ? known[info.reason] : undefined;
  if (!key) return <ErrorNotice error={error} />;
  return (
    <div className="notice error" role="alert">
      <p>{t(key)}</p>
    </div>
  );
}

function Done({ text }: { text: string | null }) {
  return (
    <p role="status" className={text ? 'notice' : 'visually-hidden'}>
      {text ?? ''}
    </p>
  );
}

const CHANGEABLE: AccessLevel[] = ['TRUST', 'BASIC', 'NONE'];

function LevelChoice({
  name,
  levels,
  value,
  onChange,
  legend,
}: {
  name: string;
  levels: AccessLevel[];
  value: AccessLevel;
  onChange: (l: AccessLevel) => void;
  legend: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="group levels">
      <legend>{legend}</legend>
      {levels.map((l) => (
        <div className="choice" key={l}>
          <input id={`${name}-${l}`} type="radio" name={name} checked={value === l} onChange={() => onChange(l)} aria-describedby={`${name}-${l}-hint`} />
          <label htmlFor={`${name}-${l}`}>{t(`level.${l}`)}</label>
          <p className="hint" id={`${name}-${l}-hint`}>
            {t(`levelText.${l}`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

function ConnectionRow({ c, viewerIsThem, onChanged, onDone }: { c: ConnectionView; viewerIsThem: boolean; onChanged: () => void; onDone: (text: string) => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [level, setLevel] = useState<AccessLevel>(c.level);
  const [setLevelMutation, levelSet] = useMutation(SET_CONNECTION_LEVEL);
  const [remove, removed] = useMutation(REMOVE_CONNECTION);
  const isManager = c.level === 'MANAGER';

  async function save(e: SubmitEvent) {
    e.preventDefault();
    try {
      await setLevelMutation({ variables: { connectionId: c.id, level } });
      setEditing(false);
      onDone(t('connections.rightsSaved', { name: c.person.name }));
      onChanged();
    } catch {
      // shown below
    }
  }

  return (
    <li className="row connection">
      <div className="person">
        <Avatar name={c.person.name} url={c.person.avatarUrl} />
        <div>
          <strong>{c.person.name}</strong> {viewerIsThem ? <span className="muted">{t('connections.you')}</span> : null}
          <br />
          <span className="badge">{t(`level.${c.level}`)}</span>{' '}
          <span className="muted small">{t('connections.since', { date: formatDate(locale, c.since) })}</span>
        </div>
      </div>
      {!isManager ? (
        <div className="row-actions">
          <button type="button" className="button link" aria-expanded={editing} aria-controls={`${id}-rights`} onClick={() => setEditing((v) => !v)}>
            {t('connections.rights')}
            <span className="visually-hidden"> {c.person.name}</span>
          </button>
          <ConfirmAction
            label={t('connections.remove')}
            confirmLabel={t('app.delete')}
            question={t('connections.removeQuestion', { name: c.person.name })}
            busy={removed.loading}
            onConfirm={() =>
              void remove({ variables: { connectionId: c.id } }).then(() => {
                onDone(t('connections.removed', { name: c.person.name }));
                onChanged();
              }, () => undefined)
            }
          />
        </div>
      ) : null}
      {editing ? (
        <form id={`${id}-rights`} className="row-panel" onSubmit={(e) => void save(e)}>
          <ApiProblem error={levelSet.error} />
          <LevelChoice name={`${id}-level`} levels={CHANGEABLE} value={level} onChange={setLevel} legend={t('connections.rightsFor', { name: c.person.name })} />
          <div className="button-row">
            <button type="submit" className="button" disabled={levelSet.loading || level === c.level}>
              {t('app.save')}
            </button>
            <button type="button" className="button secondary" onClick={() => setEditing(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      <ApiProblem error={removed.error} />
    </li>
  );
}

function InviteForm({ accountId, onInvited }: { accountId: string; onInvited: (email: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [level, setLevel] = useState<AccessLevel>('BASIC');
  const [missing, setMissing] = useState(false);
  const [invite, invited] = useMutation(INVITE_HELPER);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!firstName.trim() || !lastName.trim() || !email.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      await invite({ variables: { accountId, input: { firstName: firstName.trim(), lastName: lastName.trim(), email: email.trim(), level } } });
      onInvited(email.trim());
      setFirstName('');
      setLastName('');
      setEmail('');
      setLevel('BASIC');
    } catch {
      // shown below
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('connections.invite')}</h2>
      <p className="muted">{t('connections.inviteIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {missing ? (
          <div className="notice error" role="alert">
            <p>{t('form.error.REQUIRED')}</p>
          </div>
        ) : null}
        <ApiProblem error={invited.error} />
        <div className="two-cols">
          <div className="field">
            <label htmlFor={`${id}-first`}>{t('common.firstName')}</label>
            <input id={`${id}-first`} type="text" autoComplete="off" value={firstName} aria-invalid={(missing && !firstName.trim()) || undefined} onChange={(e) => setFirstName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-last`}>{t('common.lastName')}</label>
            <input id={`${id}-last`} type="text" autoComplete="off" value={lastName} aria-invalid={(missing && !lastName.trim()) || undefined} onChange={(e) => setLastName(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('common.email')}</label>
          <input id={`${id}-email`} type="email" inputMode="email" autoComplete="off" value={email} aria-invalid={(missing && !email.trim()) || undefined} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <LevelChoice name={`${id}-level`} levels={['TRUST', 'BASIC']} value={level} onChange={setLevel} legend={t('connections.inviteLevel')} />
        <button type="submit" className="button" disabled={invited.loading}>
          {invited.loading ? t('common.busy') : t('connections.inviteSend')}
        </button>
      </form>
    </section>
  );
}

function InvitationRow({ inv, onChanged, onDone }: { inv: InvitationView; onChanged: () => void; onDone: (text: string) => void }) {
  const { t, locale } = useI18n();
  const [resend, resent] = useMutation(RESEND_INVITATION);
  const [revoke, revoked] = useMutation(REVOKE_INVITATION);
  const name = `${inv.firstName} ${inv.lastName}`;
  return (
    <li className="row">
      <div>
        <strong>{name}</strong> <span className={`badge status-${inv.status.toLowerCase()}`}>{t(`connections.status.${inv.status}`)}</span>
        <br />
        <span className="muted small">
          {t('connections.invitationMeta', { email: inv.email, level: t(`level.${inv.level}`), date: formatDate(locale, inv.sentAt) })}
          {inv.status === 'PENDING' ? ` · ${t('connections.invitationExpires', { date: formatDate(locale, inv.expiresAt) })}` : ''}
        </span>
      </div>
      {inv.status === 'PENDING' ? (
        <div className="row-actions">
          <button
            type="button"
            className="button link"
            disabled={resent.loading}
            onClick={() =>
              void resend({ variables: { invitationId: inv.id } }).then(() => {
                onDone(t('connections.resent'));
                onChanged();
              }, () => undefined)
            }
          >
            {t('connections.resend')}
            <span className="visually-hidden"> {name}</span>
          </button>
          <ConfirmAction
            label={t('connections.revoke')}
            confirmLabel={t('connections.revokeConfirm')}
            question={t('connections.revokeQuestion', { name })}
            busy={revoked.loading}
            onConfirm={() =>
              void revoke({ variables: { invitationId: inv.id } }).then(() => {
                onDone(t('connections.revoked'));
                onChanged();
              }, () => undefined)
            }
          />
        </div>
      ) : null}
      <ApiProblem error={resent.error ?? revoked.error} />
    </li>
  );
}

function LetterForm({ accountId, onLinked }: { accountId: string; onLinked: (name: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [missing, setMissing] = useState(false);
  const [link, linked] = useMutation(LINK_PROVIDER);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!code.trim() || !birthDate) {
      setMissing(true);
      return;
    }
    setMissing(false);
    try {
      const r = await link({ variables: { accountId, code: code.trim(), birthDate } });
      onLinked(r.data?.linkProvider.provider.name ?? '');
      setCode('');
      setBirthDate('');
      setOpen(false);
    } catch {
      // shown below
    }
  }

  if (!open) {
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('connections.letter')}
      </button>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="subsection" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('connections.letter')}</h3>
      <p className="muted">{t('connections.letterIntro')}</p>
      {missing ? (
        <div className="notice error" role="alert">
          <p>{t('activate.error.MISSING')}</p>
        </div>
      ) : null}
      <ApiProblem error={linked.error} known={ACTIVATION_FAILURES} />
      <div className="two-cols">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('common.code')}</label>
          <input id={`${id}-code`} type="text" autoComplete="off" spellCheck={false} className="letter-code" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-birth`}>{t('common.birthDate')}</label>
          <input id={`${id}-birth`} type="date" className="date-input" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={linked.loading}>
          {linked.loading ? t('common.busy') : t('connections.letterSubmit')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function ProviderRow({ link, accountId, onChanged, onDone }: { link: ProviderLinkView; accountId: string; onChanged: () => void; onDone: (text: string) => void }) {
  const { t, locale } = useI18n();
  const [unlink, unlinked] = useMutation(UNLINK_PROVIDER);
  const p = link.provider;
  return (
    <li className="row">
      <div>
        <strong>{p.name}</strong>
        <br />
        <span className="muted small">{t('connections.providerLinked', { date: formatDate(locale, link.linkedAt) })}</span>
        {p.contactPhone || p.contactEmail ? (
          <span className="small contact">
            {p.contactPhone ? <a href={`tel:${p.contactPhone.replace(/[^+\d]/g, '')}`}>{p.contactPhone}</a> : null}
            {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
          </span>
        ) : null}
      </div>
      <ConfirmAction
        label={t('connections.unlink')}
        confirmLabel={t('connections.unlinkConfirm')}
        question={t('connections.unlinkQuestion', { name: p.name })}
        busy={unlinked.loading}
        onConfirm={() =>
          void unlink({ variables: { accountId, providerLinkId: link.id } }).then(() => {
            onDone(t('connections.unlinked', { name: p.name }));
            onChanged();
          }, () => undefined)
        }
      />
      <ApiProblem error={unlinked.error} />
    </li>
  );
}

/** Ontkoppelen, explained and confirmed twice. */
export function DeactivateCard({ accountId, name, onDeactivated }: { accountId: string; name: string; onDeactivated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [deactivate, deactivated] = useMutation(DEACTIVATE_ACCOUNT);
  return (
    <section className="card danger-zone" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('connections.deactivate')}</h2>
      <p>{t('connections.deactivateText')}</p>
      <ul>
        <li>{t('connections.deactivate1')}</li>
        <li>{t('connections.deactivate2')}</li>
        <li>{t('connections.deactivate3')}</li>
      </ul>
      <ErrorNotice error={deactivated.error} />
      {deactivated.data?.deactivateAccount ? (
        <p role="status" className="notice">
          {t('connections.deactivated')}
        </p>
      ) : step === 0 ? (
        <button type="button" className="button danger" onClick={() => setStep(1)}>
          {t('connections.deactivateStart')}
        </button>
      ) : step === 1 ? (
        <div role="group" aria-label={t('connections.deactivateQ1', { name })} className="confirm-box">
          <p>{t('connections.deactivateQ1', { name })}</p>
          <div className="button-row">
            <button type="button" className="button danger" onClick={() => setStep(2)}>
              {t('connections.deactivateYes1')}
            </button>
            <button type="button" className="button secondary" onClick={() => setStep(0)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div role="group" aria-label={t('connections.deactivateQ2', { name })} className="confirm-box">
          <p>
            <strong>{t('connections.deactivateQ2', { name })}</strong>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button danger"
              disabled={deactivated.loading}
              onClick={() => void deactivate({ variables: { accountId } }).then(onDeactivated, () => undefined)}
            >
              {t('connections.deactivateYes2')}
            </button>
            <button type="button" className="button secondary" onClick={() => setStep(0)}>
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** /connecties: the manager's view of the circle (behind the SMS step-up); a helper is told it is not theirs. */
export function ConnectionsView() {
  const { t } = useI18n();
  const router = useRouter();
  const { account, viewerId } = useOpenAccount();
  const allowed = account.myRights.includes('MANAGE_CONNECTIONS');
  const manageAccount = account.myRights.includes('MANAGE_ACCOUNT');
  const query = useQuery(CIRCLE, allowed ? { variables: { accountId: account.id }, fetchPolicy: 'network-only' } : skipToken);
  const [done, setDone] = useState<string | null>(null);
  const circle = query.data?.account;
  const ready = Boolean(circle?.connections);
  const refetch = () => void query.refetch();

  return (
    <>
      <h1>{t('connections.title')}</h1>
      {!allowed && !account.own ? (
        <>
          <p>{t('connections.helperIntro', { name: account.displayName, level: t(`level.${account.myLevel}`) })}</p>
          <LeaveCircle accountId={account.id} name={account.displayName} />
        </>
      ) : (
        <ProtectedGate allowed={allowed} loading={query.loading} error={query.error} ready={ready} onVerified={refetch}>
          <p className="muted">{t('connections.intro', { name: account.displayName })}</p>
          <Done text={done} />
          <section className="card" aria-labelledby="connections-h">
            <h2 id="connections-h">{t('connections.people')}</h2>
            {circle?.connections?.length === 0 ? <p className="muted">{t('connections.none')}</p> : null}
            <ul className="list rows">
              {[...(circle?.connections ?? [])]
                .sort((a, b) => Number(b.level === 'MANAGER') - Number(a.level === 'MANAGER') || a.person.name.localeCompare(b.person.name))
                .map((c) => (
                  <ConnectionRow key={c.id} c={c} viewerIsThem={c.person.id === viewerId} onChanged={refetch} onDone={setDone} />
                ))}
            </ul>
          </section>
          <InviteForm
            accountId={account.id}
            onInvited={(email) => {
              setDone(t('connections.inviteSent', { email }));
              refetch();
            }}
          />
          <section className="card" aria-labelledby="invitations-h">
            <h2 id="invitations-h">{t('connections.invitations')}</h2>
            {(circle?.invitations ?? []).length === 0 ? <p className="muted">{t('connections.invitationsNone')}</p> : null}
            <ul className="list rows">
              {[...(circle?.invitations ?? [])]
                .sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING') || b.sentAt.localeCompare(a.sentAt))
                .map((inv) => (
                  <InvitationRow key={inv.id} inv={inv} onChanged={refetch} onDone={setDone} />
                ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="providers-h">
            <h2 id="providers-h">{t('connections.providers')}</h2>
            <p className="muted">{t('connections.providersIntro')}</p>
            {(circle?.providers ?? []).length === 0 ? <p className="muted">{t('connections.providersNone')}</p> : null}
            <ul className="list rows">
              {(circle?.providers ?? []).map((l) => (
                <ProviderRow key={l.id} link={l} accountId={account.id} onChanged={refetch} onDone={setDone} />
              ))}
            </ul>
            {manageAccount ? (
              <LetterForm
                accountId={account.id}
                onLinked={(name) => {
                  setDone(t('connections.letterDone', { name }));
                  refetch();
                }}
              />
            ) : null}
          </section>
          {manageAccount && account.status === 'ACTIVE' ? (
            <DeactivateCard accountId={account.id} name={account.displayName} onDeactivated={() => router.refresh()} />
          ) : null}
        </ProtectedGate>
      )}
    </>
  );
}
