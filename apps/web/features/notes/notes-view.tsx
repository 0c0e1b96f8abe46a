'use client';

import { useId, useState, type SyntheticEvent } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { formatDateTime } from '@/lib/i18n';
import { useI18n } from '@/lib/i18n/client';
import { useOpenAccount } from '@/features/shell/account-context';
import { NotForYou } from '@/features/ui/not-for-you';
import { ConfirmButton } from '@/features/ui/confirm-action';
import { ErrorNotice } from '@/features/ui/error-notice';
import { CREATE_NOTE, DELETE_NOTE, NOTES, UPDATE_NOTE, type NoteInput, type NoteView } from './operations';

function NoteForm({
  initial,
  heading,
  onSave,
  onCancel,
  busy,
  error,
}: {
  initial: NoteInput;
  heading: string;
  onSave: (input: NoteInput) => Promise<boolean>;
  onCancel?: () => void;
  busy: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const id = useId();
  async function submit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!title.trim()) return;
    if (await onSave({ title: title.trim(), body })) {
      setTitle(initial.title);
      setBody(initial.body);
    }
  }
  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <ErrorNotice error={error} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('notes.titleLabel')}</label>
        <input id={`${id}-title`} type="text" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('notes.bodyLabel')}</label>
        <textarea id={`${id}-body`} value={body} maxLength={20000} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || !title.trim()}>
          {t('app.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('app.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function NoteItem({ note, canEdit, onChanged }: { note: NoteView; canEdit: boolean; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { account } = useOpenAccount();
  const [editing, setEditing] = useState(false);
  const [update, updating] = useMutation(UPDATE_NOTE);
  const [remove, removing] = useMutation(DELETE_NOTE);

  if (editing) {
    return (
      <li>
        <NoteForm
          heading={t('notes.editing')}
          initial={{ title: note.title, body: note.body }}
          busy={updating.loading}
          error={updating.error}
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            try {
              await update({ variables: { id: note.id, input } });
              setEditing(false);
              onChanged();
              return true;
            } catch {
              return false;
            }
          }}
        />
      </li>
    );
  }
  return (
    <li className="card">
      <h2>{note.title}</h2>
      <p className="plain-text">{note.body}</p>
      <p className="muted">{t('notes.updatedBy', { name: note.author.name, date: formatDateTime(locale, note.updatedAt, account.timeZone) })}</p>
      <ErrorNotice error={removing.error} />
      {canEdit ? (
        <div className="button-row no-print">
          <button type="button" className="button link" onClick={() => setEditing(true)}>
            {t('app.change')}
          </button>
          <ConfirmButton
            label={t('app.delete')}
            question={t('notes.deleteConfirm', { title: note.title })}
            busy={removing.loading}
            onConfirm={() => {
              void remove({ variables: { id: note.id } })
                .then(onChanged)
                .catch(() => undefined);
            }}
          />
        </div>
      ) : null}
    </li>
  );
}

export function NotesView() {
  const { t } = useI18n();
  const { account } = useOpenAccount();
  const canView = account.myRights.includes('VIEW_NOTES');
  const canEdit = account.myRights.includes('EDIT_NOTES');
  const query = useQuery(NOTES, canView ? { variables: { accountId: account.id }, notifyOnNetworkStatusChange: true } : skipToken);
  const [create, creating] = useMutation(CREATE_NOTE);
  const page = query.data?.account?.notes;

  if (!canView) {
    return (
      <>
        <h1>{t('notes.title')}</h1>
        <NotForYou />
      </>
    );
  }
  const refetch = () => void query.refetch({ after: null });

  return (
    <>
      <h1>{t('notes.title')}</h1>
      <p className="muted">{t('notes.intro')}</p>
      {canEdit ? (
        <NoteForm
          heading={t('notes.add')}
          initial={{ title: '', body: '' }}
          busy={creating.loading}
          error={creating.error}
          onSave={async (input) => {
            try {
              await create({ variables: { accountId: account.id, input } });
              refetch();
              return true;
            } catch {
              return false;
            }
          }}
        />
      ) : null}
      {query.loading && !page ? <p role="status">{t('app.loading')}</p> : null}
      {query.error && !page ? <ErrorNotice error={query.error} /> : null}
      {page && page.nodes.length === 0 ? <p className="muted">{t('notes.empty')}</p> : null}
      {page && page.nodes.length > 0 ? (
        <ul className="list">
          {page.nodes.map((n) => (
            <NoteItem key={n.id} note={n} canEdit={canEdit} onChanged={refetch} />
          ))}
        </ul>
      ) : null}
      {page?.nextCursor ? (
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            void query.fetchMore({
              variables: { after: page.nextCursor },
              updateQuery: (prev, { fetchMoreResult }) => {
                const more = fetchMoreResult.account?.notes;
                const cur = prev.account?.notes;
                if (!more || !cur || !prev.account) return prev;
                return { account: { ...prev.account, notes: { nodes: [...cur.nodes, ...more.nodes], nextCursor: more.nextCursor } } };
              },
            })
          }
        >
          {t('notes.more')}
        </button>
      ) : null}
    </>
  );
}
