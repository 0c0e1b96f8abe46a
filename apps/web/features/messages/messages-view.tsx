'use client';

import { useId, useState, type SyntheticEvent } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { errorKey, formatDateTime } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { firstApiError } from '@/lib/errors';
import { useOpenAccount } from '@/features/shell/account-context';
import { Tabs, TabPanel } from '@/features/ui/tabs';
import { NotForYou } from '@/features/ui/not-for-you';
import { ConfirmButton } from '@/features/ui/confirm-action';
import { ErrorNotice } from '@/features/ui/error-notice';
import {
  ACCOUNT_MEMBERS,
  ALL_MESSAGES,
  DELETE_MESSAGE,
  POST_MESSAGE,
  TRUST_MESSAGES,
  type Audience,
  type MessagePageView,
  type MessagesData,
} from './operations';

type TabKey = 'all' | 'trust';

/** Messages do not reach practitioners; where to go in a crisis. Always on the page. */
export function CrisisNotice() {
  const { t } = useI18n();
  return (
    <aside className="notice warn crisis">
      <p>{t('messages.notice')}</p>
      <p>
        <strong>{t('messages.crisisTitle')}</strong>
      </p>
      <ul>
        {/* Tappable on a phone. */}
        <li>
          <a href="tel:112">{t('messages.crisis112')}</a>
        </li>
        <li>
          <a href="tel:08000113">{t('messages.crisis113')}</a>
        </li>
        <li>{t('messages.crisisGp')}</li>
      </ul>
    </aside>
  );
}

function pageOf(data: MessagesData | undefined, audience: Audience): MessagePageView | null | undefined {
  return audience === 'TRUST_GROUP' ? data?.account?.trustGroupMessages : data?.account?.messages;
}

/** Who can read a message before it is sent ("wie leest dit?"). */
export function AudienceNotice({ audience, id }: { audience: Audience; id: string }) {
  const { t } = useI18n();
  const { account } = useOpenAccount();
  const canSeeMembers = account.myRights.includes('VIEW_CALENDAR');
  // Those who may see the calendar are exactly the BASIC, TRUST and MANAGER connections: the readers of "all".
  const members = useQuery(ACCOUNT_MEMBERS, audience === 'ALL_CONNECTIONS' && canSeeMembers ? { variables: { accountId: account.id } } : skipToken);
  const names = members.data?.account?.members?.map((p) => p.name) ?? [];
  return (
    <div className="audience-box" id={id}>
      <h2>{t('messages.whoReads')}</h2>
      <p>
        {audience === 'TRUST_GROUP'
          ? t('messages.whoReadsTrust', { name: account.displayName })
          : t('messages.whoReadsAll', { name: account.displayName })}
      </p>
      {audience === 'ALL_CONNECTIONS' && names.length > 0 ? <p>{t('messages.readers', { names: names.join(', ') })}</p> : null}
    </div>
  );
}

function Composer({ audience, onPosted }: { audience: Audience; onPosted: () => void }) {
  const { t } = useI18n();
  const { account } = useOpenAccount();
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [post, { loading, error, reset }] = useMutation(POST_MESSAGE);
  const base = useId();

  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!body.trim()) return;
    reset();
    try {
      await post({ variables: { accountId: account.id, audience, body } });
      setBody('');
      setStatus(t('messages.sent'));
      onPosted();
    } catch {
      setStatus(null);
    }
  }

  return (
    <form className="card no-print" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${base}-body`}>{t('messages.newLabel')}</label>
      <textarea
        id={`${base}-body`}
        value={body}
        maxLength={5000}
        placeholder={t('messages.placeholder')}
        aria-describedby={`${base}-audience`}
        onChange={(e) => {
          setBody(e.target.value);
          setStatus(null);
        }}
      />
      <AudienceNotice audience={audience} id={`${base}-audience`} />
      {error ? (
        <div className="notice error" role="alert">
          <p>{t(errorKey(firstApiError(error)?.code))}</p>
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={loading || !body.trim()}>
          {loading ? t('messages.sending') : t('messages.send')}
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </div>
    </form>
  );
}

function MessageList({ audience }: { audience: Audience }) {
  const { t, locale } = useI18n();
  const { account, viewerId } = useOpenAccount();
  const query = useQuery(audience === 'TRUST_GROUP' ? TRUST_MESSAGES : ALL_MESSAGES, {
    variables: { accountId: account.id },
    notifyOnNetworkStatusChange: true,
  });
  const [remove, removal] = useMutation(DELETE_MESSAGE);
  const [loadingMore, setLoadingMore] = useState(false);
  const page = pageOf(query.data, audience);

  async function loadMore() {
    if (!page?.nextCursor) return;
    setLoadingMore(true);
    try {
      await query.fetchMore({
        variables: { after: page.nextCursor },
        updateQuery: (prev, { fetchMoreResult }) => {
          const older = pageOf(fetchMoreResult, audience);
          const current = pageOf(prev, audience);
          if (!older || !current || !prev.account) return prev;
          const merged = { ...current, nodes: [...current.nodes, ...older.nodes], nextCursor: older.nextCursor };
          return { account: { ...prev.account, ...(audience === 'TRUST_GROUP' ? { trustGroupMessages: merged } : { messages: merged }) } };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <Composer audience={audience} onPosted={() => void query.refetch({ after: null })} />
      {query.loading && !page ? <p role="status">{t('app.loading')}</p> : null}
      {query.error && !page ? <ErrorNotice error={query.error} /> : null}
      <ErrorNotice error={removal.error} />
      {page && page.nodes.length === 0 ? <p className="muted">{t('messages.empty')}</p> : null}
      {page && page.nodes.length > 0 ? (
        <ul className="list">
          {page.nodes.map((m) => (
            <li key={m.id} className="card message">
              <div className="message-meta">
                <strong>{m.author.name}</strong>
                <time className="muted" dateTime={m.sentAt}>
                  {formatDateTime(locale, m.sentAt, account.timeZone)}
                </time>
              </div>
              {/* Plain text, rendered as text: never HTML. */}
              <p className="plain-text">{m.body}</p>
              {m.author.id === viewerId ? (
                <ConfirmButton
                  label={t('app.delete')}
                  question={t('messages.deleteConfirm')}
                  busy={removal.loading}
                  onConfirm={() => {
                    void remove({ variables: { id: m.id } })
                      .then(() => query.refetch({ after: null }))
                      .catch(() => undefined);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {page?.nextCursor ? (
        <button type="button" className="button secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t('app.loading') : t('messages.more')}
        </button>
      ) : null}
    </>
  );
}

export function MessagesView() {
  const { t } = useI18n();
  const { account } = useOpenAccount();
  const canAll = account.myRights.includes('VIEW_MESSAGES');
  const canTrust = account.myRights.includes('VIEW_TRUST_GROUP_MESSAGES');
  const [tab, setTab] = useState<TabKey>('all');

  if (!canAll && !canTrust) {
    return (
      <>
        <h1>{t('messages.title')}</h1>
        <NotForYou />
      </>
    );
  }

  return (
    <>
      <h1>{t('messages.title')}</h1>
      <CrisisNotice />
      {canAll && canTrust ? (
        <>
          <Tabs
            id="messages"
            label={t('messages.title')}
            tabs={[
              { key: 'all', label: t('messages.tabAll') },
              { key: 'trust', label: t('messages.tabTrust') },
            ]}
            selected={tab}
            onSelect={setTab}
          />
          <TabPanel id="messages" tabKey="all" selected={tab === 'all'}>
            {tab === 'all' ? <MessageList audience="ALL_CONNECTIONS" /> : null}
          </TabPanel>
          <TabPanel id="messages" tabKey="trust" selected={tab === 'trust'}>
            {tab === 'trust' ? <MessageList audience="TRUST_GROUP" /> : null}
          </TabPanel>
        </>
      ) : (
        <>
          <h2>{canTrust ? t('messages.tabTrust') : t('messages.tabAll')}</h2>
          <MessageList audience={canTrust ? 'TRUST_GROUP' : 'ALL_CONNECTIONS'} />
        </>
      )}
    </>
  );
}
