'use client';

import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '@/lib/i18n/client';
import { Avatar } from '@/features/shell/avatar';
import { ErrorNotice } from '@/features/ui/error-notice';
import { NOTIFICATION_PREFERENCES, UPDATE_NOTIFICATION_PREFERENCES, type NotificationAccount, type NotificationPreferencesView } from './operations';

export const LEAD_MINUTES = [15, 30, 60, 120, 1440] as const;

/** One account's choices; each change is saved at once and announced. */
function AccountPreferences({ entry }: { entry: NotificationAccount }) {
  const { t } = useI18n();
  const id = useId();
  const { account } = entry;
  const [prefs, setPrefs] = useState<NotificationPreferencesView>(account.notificationPreferences);
  const [saved, setSaved] = useState(false);
  const [update, updated] = useMutation(UPDATE_NOTIFICATION_PREFERENCES);
  const rights = account.myRights;
  const calendar = rights.includes('VIEW_CALENDAR');
  const messages = rights.includes('VIEW_MESSAGES');
  const carePlan = rights.includes('VIEW_DOSSIER');
  const title = entry.own ? t('notify.own') : t('notify.of', { name: account.displayName });

  async function change(input: Partial<NotificationPreferencesView>) {
    const before = prefs;
    setPrefs({ ...prefs, ...input });
    setSaved(false);
    try {
      const r = await update({ variables: { accountId: account.id, input } });
      if (r.data) setPrefs(r.data.updateNotificationPreferences);
      setSaved(true);
    } catch {
      setPrefs(before);
    }
  }

  // The lead time the API holds may be one the list does not offer; it is shown too.
  const leads: number[] = LEAD_MINUTES.includes(prefs.appointmentLeadMinutes as (typeof LEAD_MINUTES)[number])
    ? [...LEAD_MINUTES]
    : [...LEAD_MINUTES, prefs.appointmentLeadMinutes].sort((a, b) => a - b);

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="person heading-person">
        <Avatar name={account.displayName} url={account.avatarUrl} me={entry.own} />
        <h2 id={`${id}-h`}>{title}</h2>
      </div>
      {!calendar && !messages && !carePlan ? (
        <p className="muted">{t('notify.nothing')}</p>
      ) : (
        <fieldset className="group plain" disabled={updated.loading}>
          <legend className="visually-hidden">{title}</legend>
          {calendar ? (
            <div className="pref">
              <div className="choice">
                <input id={`${id}-appt`} type="checkbox" checked={prefs.appointmentStarting} onChange={(e) => void change({ appointmentStarting: e.target.checked })} />
                <label htmlFor={`${id}-appt`}>{t('notify.appointment')}</label>
              </div>
              {prefs.appointmentStarting ? (
                <div className="field narrow indent">
                  <label htmlFor={`${id}-lead`}>{t('notify.lead')}</label>
                  <select id={`${id}-lead`} value={prefs.appointmentLeadMinutes} onChange={(e) => void change({ appointmentLeadMinutes: Number(e.target.value) })}>
                    {leads.map((m) => (
                      <option key={m} value={m}>
                        {LEAD_MINUTES.includes(m as (typeof LEAD_MINUTES)[number]) ? t(`notify.lead.${m as (typeof LEAD_MINUTES)[number]}`) : `${m} min`}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
            </div>
          ) : null}
          {messages ? (
            <div className="choice pref">
              <input id={`${id}-msg`} type="checkbox" checked={prefs.newMessage} onChange={(e) => void change({ newMessage: e.target.checked })} />
              <label htmlFor={`${id}-msg`}>{t('notify.message')}</label>
            </div>
          ) : null}
          {carePlan ? (
            <div className="choice pref">
              <input id={`${id}-plan`} type="checkbox" checked={prefs.carePlanChanged} onChange={(e) => void change({ carePlanChanged: e.target.checked })} />
              <label htmlFor={`${id}-plan`}>{t('notify.carePlan')}</label>
            </div>
          ) : null}
        </fieldset>
      )}
      <ErrorNotice error={updated.error} />
      <p role="status" className={saved ? 'saved' : 'visually-hidden'}>
        {saved ? t('notify.saved', { name: entry.own ? t('notify.own').toLowerCase() : account.displayName }) : ''}
      </p>
    </section>
  );
}

/** /meldingen: e-mail choices for every account the viewer is connected to, their own first. */
export function NotificationsView() {
  const { t } = useI18n();
  const query = useQuery(NOTIFICATION_PREFERENCES, { fetchPolicy: 'network-only' });
  const accounts = [...(query.data?.viewer?.accounts ?? [])].sort((a, b) => Number(b.own) - Number(a.own));
  return (
    <>
      <h1>{t('notify.title')}</h1>
      <p className="muted">{t('notify.intro')}</p>
      {query.loading && !query.data ? <p role="status">{t('app.loading')}</p> : null}
      <ErrorNotice error={query.error} />
      {accounts.map((a) => (
        <AccountPreferences key={a.account.id} entry={a} />
      ))}
    </>
  );
}
