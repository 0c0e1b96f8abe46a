'use client';

import { useEffect, useId, useMemo, useRef, useState, type SubmitEvent, type KeyboardEvent, type ReactNode } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import { ErrorNotice } from '@/features/ui/error-notice';
import { ASK_QUESTION, FAQ, HELP_PROVIDERS, type HelpProviderView } from './operations';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

const SLOT = '\u0000';

/** A translated sentence with one placeholder filled by an element (a link), so word order stays the translator's. */
function Filled({ text, slot }: { text: string; slot: ReactNode }) {
  const [before, after] = text.split(SLOT);
  return (
    <>
      {before}
      {slot}
      {after}
    </>
  );
}

function Crisis() {
  const { t } = useI18n();
  return (
    <section className="help-crisis" aria-labelledby="help-crisis-h">
      <h3 id="help-crisis-h">{t('help.crisis')}</h3>
      <ul>
        <li>
          <Filled text={t('help.crisis112', { phone: SLOT })} slot={<a href="tel:112">112</a>} />
        </li>
        <li>
          <Filled text={t('help.crisis113', { phone: SLOT })} slot={<a href="tel:08000113">0800-0113</a>} />
        </li>
        <li>{t('help.crisisGp')}</li>
      </ul>
    </section>
  );
}

function Where({ supportEmail, providers }: { supportEmail: string; providers: HelpProviderView[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="help-where-h">
      <h3 id="help-where-h">{t('help.where')}</h3>
      <ul className="help-where">
        <li>
          <Filled text={t('help.login', { email: SLOT })} slot={<a href={`mailto:${supportEmail}`}>{supportEmail}</a>} />
        </li>
        <li>
          {t('help.letter')}
          {providers.map((p) => (
            <span key={p.id} className="help-provider">
              {t('help.letterProvider', { name: p.name })}{' '}
              {p.contactPhone ? <a href={`tel:${p.contactPhone.replace(/[^+\d]/g, '')}`}>{p.contactPhone}</a> : null}
              {p.contactPhone && p.contactEmail ? ' · ' : null}
              {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
            </span>
          ))}
        </li>
        <li>{t('help.care')}</li>
      </ul>
    </section>
  );
}

function FaqSearch() {
  const { t, locale } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const faq = useQuery(FAQ, { variables: { search, locale } });
  const entries = faq.data?.faq ?? [];

  function submit(e: SubmitEvent) {
    e.preventDefault();
    setSearch(draft.trim() || null);
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('help.faq')}</h3>
      <form role="search" onSubmit={submit} className="help-search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('help.search')}
        </label>
        <input id={`${id}-q`} type="search" placeholder={t('help.searchPlaceholder')} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="button">
          {t('help.searchButton')}
        </button>
      </form>
      <div aria-live="polite">
        {faq.loading ? <p className="muted">{t('app.loading')}</p> : null}
        {!faq.loading && faq.data && entries.length === 0 ? <p className="muted">{t('help.noResults')}</p> : null}
      </div>
      {faq.error ? (
        <p className="notice warn" role="status">
          {t('help.faqUnavailable')}
        </p>
      ) : null}
      <ul className="list faq">
        {entries.map((e) => (
          <li key={e.id}>
            <details>
              <summary>{e.question}</summary>
              <p className="plain-text">{e.answer}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AskForm({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [question, setQuestion] = useState('');
  const [replyTo, setReplyTo] = useState('');
  const [empty, setEmpty] = useState(false);
  const [ask, asked] = useMutation(ASK_QUESTION);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!question.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    try {
      await ask({ variables: { question: question.trim(), replyTo: replyTo.trim() || null } });
      setQuestion('');
    } catch {
      // shown below
    }
  }

  const invalidEmail = firstApiError(asked.error)?.code === 'BAD_USER_INPUT' && replyTo.trim() !== '';
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('help.ask')}</h3>
      {asked.data?.askQuestion ? (
        <p role="status" className="notice">
          {t('help.asked')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p className="muted small">{t('help.askIntro')}</p>
          {empty ? (
            <div className="notice error" role="alert">
              <p>{t('help.askEmpty')}</p>
            </div>
          ) : invalidEmail ? (
            <div className="notice error" role="alert">
              <p>{t('form.error.INVALID_EMAIL')}</p>
            </div>
          ) : (
            <ErrorNotice error={asked.error} />
          )}
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('help.question')}</label>
            <textarea id={`${id}-q`} value={question} maxLength={4000} aria-invalid={empty || undefined} onChange={(e) => setQuestion(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reply`}>{signedIn ? t('help.replyTo') : t('common.email')}</label>
            <input id={`${id}-reply`} type="email" inputMode="email" autoComplete="email" value={replyTo} aria-invalid={invalidEmail || undefined} onChange={(e) => setReplyTo(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={asked.loading}>
            {asked.loading ? t('common.busy') : t('help.askSend')}
          </button>
        </form>
      )}
    </section>
  );
}

function useProviders(signedIn: boolean): HelpProviderView[] {
  // A window around today: the providers the viewer has appointments with; errors only hide the list.
  const window = useMemo(() => {
    const now = Date.now();
    return { from: new Date(now - 90 * 86_400_000).toISOString(), to: new Date(now + 180 * 86_400_000).toISOString() };
  }, []);
  const q = useQuery(HELP_PROVIDERS, signedIn ? { variables: window, errorPolicy: 'all' } : skipToken);
  const seen = new Map<string, HelpProviderView>();
  for (const o of q.data?.viewer?.agenda ?? []) {
    const p = o.appointment.provider;
    if (p && (p.contactPhone || p.contactEmail)) seen.set(p.id, p);
  }
  return [...seen.values()];
}

/**
 * The help panel ("de blauwe bol"): a modal dialog with the crisis numbers and where to go always on
 * top (never behind a search), the FAQ search and a question form. Focus stays inside while it is
 * open; Escape closes it and focus returns to the button that opened it.
 */
export interface HelpPanelProps {
  supportEmail: string;
  signedIn: boolean;
  onClose: () => void;
}

export function HelpPanel({ supportEmail, signedIn, onClose }: HelpPanelProps) {
  const { t } = useI18n();
  const panel = useRef<HTMLDivElement>(null);
  const providers = useProviders(signedIn);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !panel.current.contains(active) || active === panel.current.querySelector('h2'))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="help-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={panel} className="help-panel" role="dialog" aria-modal="true" aria-labelledby="help-title" onKeyDown={onKeyDown}>
        <div className="help-head">
          <h2 id="help-title" tabIndex={-1}>
            {t('help.title')}
          </h2>
          <button type="button" className="help-close" onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">{t('help.close')}</span>
          </button>
        </div>
        <Crisis />
        <Where supportEmail={supportEmail} providers={providers} />
        <FaqSearch />
        <AskForm signedIn={signedIn} />
      </div>
    </div>
  );
}
