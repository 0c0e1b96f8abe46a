import { In, type EntityManager } from 'typeorm';
import { formatLocalDateTime } from '@kring/domain';
import type { Env } from '../../env';
import { AccountEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { enqueueEmail } from '../outbox/outbox';
import { renderMail } from '../outbox/mail';
import { AppointmentEntity, AppointmentExdateEntity } from './appointment.entity';
import { appointmentIcs, outsideTitle } from './calendar.ics';

export type HelperNotice = 'invite' | 'update' | 'cancel' | 'uninvite' | 'cancel-occurrence';

const KIND: Record<HelperNotice, string> = {
  invite: 'appointment-invite',
  update: 'appointment-changed',
  cancel: 'appointment-cancelled',
  uninvite: 'appointment-uninvited',
  'cancel-occurrence': 'appointment-cancelled',
};

function texts(notice: HelperNotice, locale: string, whose: string, what: string, when: string) {
  const en = locale === 'en';
  switch (notice) {
    case 'invite':
      return en
        ? { subject: `${whose} asks you to come along`, heading: 'You are asked to help', line: `${whose} asks you to come along to "${what}" on ${when}.` }
        : { subject: `${whose} vraagt je mee te gaan`, heading: 'Je bent gevraagd om te helpen', line: `${whose} vraagt je mee te gaan naar "${what}" op ${when}.` };
    case 'update':
      return en
        ? { subject: `Appointment of ${whose} changed`, heading: 'An appointment changed', line: `"${what}" of ${whose}, where you come along, has changed. It is now on ${when}.` }
        : { subject: `Afspraak van ${whose} gewijzigd`, heading: 'Een afspraak is gewijzigd', line: `"${what}" van ${whose}, waar je bij helpt, is gewijzigd. Het is nu op ${when}.` };
    case 'cancel':
      return en
        ? { subject: `Appointment of ${whose} cancelled`, heading: 'An appointment was cancelled', line: `"${what}" of ${whose} (${when}) was cancelled.` }
        : { subject: `Afspraak van ${whose} geannuleerd`, heading: 'Een afspraak is geannuleerd', line: `"${what}" van ${whose} (${when}) gaat niet door.` };
    case 'cancel-occurrence':
      return en
        ? { subject: `Appointment of ${whose} cancelled once`, heading: 'One appointment was cancelled', line: `"${what}" of ${whose} on ${when} does not take place. Other dates stay.` }
        : { subject: `Afspraak van ${whose} gaat een keer niet door`, heading: 'Een afspraak gaat niet door', line: `"${what}" van ${whose} op ${when} gaat niet door. De andere keren blijven staan.` };
    case 'uninvite':
      return en
        ? { subject: `You no longer need to come along`, heading: 'Plans changed', line: `${whose} no longer asks you to come along to "${what}" (${when}).` }
        : { subject: `Je hoeft niet meer mee`, heading: 'Er is iets veranderd', line: `${whose} vraagt je niet meer mee te gaan naar "${what}" (${when}).` };
  }
}

/**
 * Tells helpers about an appointment, inside the caller's transaction (outbox).
 * For a provider appointment only "Afspraak zorgaanbieder" and its time leave Kring.
 */
export async function notifyHelpers(
  m: EntityManager,
  env: Env,
  now: Date,
  notice: HelperNotice,
  root: AppointmentEntity,
  userIds: readonly string[],
  opts: { actorUserId?: string | null; occurrenceStart?: Date } = {},
): Promise<void> {
  const recipients = userIds.filter((id) => id !== opts.actorUserId);
  if (!recipients.length) return;
  const [users, account] = await Promise.all([
    m.findBy(UserEntity, { id: In([...new Set(recipients)]) }),
    m.findOneBy(AccountEntity, { id: root.accountId }),
  ]);
  const whose = account?.displayName ?? '';
  let ics: string | null = null;
  if (notice === 'invite' || notice === 'update' || notice === 'cancel') {
    const [overrides, exdates] = root.frequency
      ? await Promise.all([
          m.findBy(AppointmentEntity, { parentAppointmentId: root.id }),
          m.findBy(AppointmentExdateEntity, { appointmentId: root.id }),
        ])
      : [[], []];
    ics = appointmentIcs(root, overrides, exdates.map((x) => x.originalStartUtc), { stamp: now, whose, cancelled: notice === 'cancel' });
  }
  const at = opts.occurrenceStart ?? root.startUtc;
  for (const user of users) {
    const when = formatLocalDateTime(at, root.zone, user.locale);
    const what = outsideTitle(root, user.locale);
    const t = texts(notice, user.locale, whose, what, when);
    const mail = renderMail({
      subject: t.subject,
      heading: t.heading,
      paragraphs: [t.line],
      action: { label: user.locale === 'en' ? 'Open the agenda' : 'Open de agenda', url: `${env.PUBLIC_WEB_URL}/kalender` },
    });
    await enqueueEmail(m, now, {
      kind: KIND[notice],
      to: user.email,
      ...mail,
      ...(ics
        ? { attachments: [{ filename: 'afspraak.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics, 'utf8').toString('base64') }] }
        : {}),
    });
  }
}
