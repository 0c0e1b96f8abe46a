import { renderMail } from '../outbox/mail';
import type { NotificationKind } from './notification.entity';

/**
 * What a notification e-mail says: what happened and for whom, with a link. Never a
 * message text, a dossier text or even the provider's name (that alone can reveal care).
 */
export function notificationMail(kind: NotificationKind, count: number, accountName: string, locale: string, webUrl: string) {
  const en = locale === 'en';
  const footnote = en
    ? `You get this e-mail because you chose to. Change that under Notifications: ${webUrl}/meldingen`
    : `Je krijgt deze e-mail omdat je dat zo hebt ingesteld. Wijzig het bij Meldingen: ${webUrl}/meldingen`;
  switch (kind) {
    case 'NEW_MESSAGE': {
      const subject = en
        ? count === 1
          ? `New message for ${accountName}`
          : `${count} new messages for ${accountName}`
        : count === 1
          ? `Nieuw bericht voor ${accountName}`
          : `${count} nieuwe berichten voor ${accountName}`;
      return renderMail({
        subject,
        heading: subject,
        paragraphs: [
          en
            ? `Someone in the circle of ${accountName} wrote ${count === 1 ? 'a message' : `${count} messages`} in Kring. For privacy, the message is only readable in Kring itself.`
            : `In de kring van ${accountName} ${count === 1 ? 'is een bericht' : `zijn ${count} berichten`} geplaatst. Om de privacy te beschermen lees je ${count === 1 ? 'het' : 'ze'} alleen in Kring zelf.`,
        ],
        action: { label: en ? 'Read the messages' : 'Lees de berichten', url: `${webUrl}/berichten` },
        footnote,
      });
    }
    case 'CARE_PLAN_CHANGED': {
      const subject = en ? `Care plan updated for ${accountName}` : `Zorgplan bijgewerkt voor ${accountName}`;
      return renderMail({
        subject,
        heading: subject,
        paragraphs: [
          en
            ? `A care provider updated ${count === 1 ? 'a care plan' : 'care plans'} in the file of ${accountName}. You can read it in Kring after confirming with an SMS code.`
            : `Een zorgaanbieder heeft ${count === 1 ? 'een zorgplan' : 'zorgplannen'} in het dossier van ${accountName} bijgewerkt. Je leest het in Kring, na bevestiging met een sms-code.`,
        ],
        action: { label: en ? 'Open the file' : 'Open het dossier', url: `${webUrl}/dossier` },
        footnote,
      });
    }
  }
}
