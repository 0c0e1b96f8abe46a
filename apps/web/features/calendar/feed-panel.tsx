'use client';

import { useState } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '@/lib/i18n/client';
import { ErrorNotice } from '@/features/ui/error-notice';
import { CREATE_FEED, FEED_URL, REVOKE_FEED } from './operations';
import { useCalendarT } from './texts';

/** The viewer's private, revocable iCalendar address; asked for when the panel is first opened. */
export function FeedPanel() {
  const { ct } = useCalendarT();
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  const feed = useQuery(FEED_URL, opened ? {} : skipToken);
  const [create, created] = useMutation(CREATE_FEED, { refetchQueries: [FEED_URL] });
  const [revoke, revoked] = useMutation(REVOKE_FEED, { refetchQueries: [FEED_URL] });
  const [copied, setCopied] = useState(false);
  const url = feed.data?.viewer?.calendarFeedUrl ?? null;
  return (
    <details
      className="card feed-panel"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{ct('feedTitle')}</summary>
      <p>{ct('feedIntro')}</p>
      <ErrorNotice error={feed.error ?? created.error ?? revoked.error} />
      {!feed.data && !feed.error ? (
        // Not yet known whether an address exists: no button that would replace it unseen.
        <p role="status">{t('app.loading')}</p>
      ) : url ? (
        <>
          <p className="notice warn">{ct('feedWarn')}</p>
          <p className="feed-url">
            <code>{url}</code>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true));
              }}
            >
              {copied ? ct('feedCopied') : ct('feedCopy')}
            </button>
            <button type="button" className="button secondary" onClick={() => void create().catch(() => undefined)}>
              {ct('feedReplace')}
            </button>
            <button type="button" className="button link" onClick={() => void revoke().catch(() => undefined)}>
              {ct('feedRevoke')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">{ct('feedNone')}</p>
          <button type="button" className="button" onClick={() => void create().catch(() => undefined)} disabled={created.loading}>
            {ct('feedCreate')}
          </button>
        </>
      )}
    </details>
  );
}
