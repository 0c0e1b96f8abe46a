import type { AccessLevel } from '@kring/domain';
import { renderMail, type MailContent } from '../outbox/mail';

/*
 * E-mails of the connections area, in Dutch and English. They say what happened, for whom and
 * where to look; never any health content (DESIGN.md, "What leaves Kring").
 */

export type Locale = 'nl' | 'en';
export const localeOf = (l: string | null | undefined): Locale => (l === 'en' ? 'en' : 'nl');

const LEVEL_TEXT: Record<Locale, Record<AccessLevel, string>> = {
  nl: {
    MANAGER: 'beheerder',
    TRUST: 'vertrouwensgroep: agenda, berichten (ook die aan de vertrouwensgroep), notities en het dossier',
    BASIC: 'basisrechten: agenda, berichten aan alle betrokkenen en notities',
    NONE: 'geen inzage: je ziet alleen de naam en de foto',
  },
  en: {
    MANAGER: 'manager',
    TRUST: 'trust group: calendar, messages (including those to the trust group), notes and the care file',
    BASIC: 'basic rights: calendar, messages to all connections and notes',
    NONE: 'no access: you see only the name and picture',
  },
};

type Rendered = ReturnType<typeof renderMail>;

export function invitationMail(
  locale: Locale,
  p: { inviter: string; accountName: string; level: AccessLevel; url: string },
): Rendered {
  const level = LEVEL_TEXT[locale][p.level];
  const c: MailContent =
    locale === 'en'
      ? {
          subject: `${p.inviter} invites you to help in Kring`,
          heading: `An invitation from ${p.inviter}`,
          paragraphs: [
            `${p.inviter} invites you to the circle of ${p.accountName} in Kring, with ${level}.`,
            'Open the invitation to create a login or sign in with this e-mail address.',
          ],
          action: { label: 'Open the invitation', url: p.url },
          footnote: 'This link works once and for 7 days. Not expecting this? Then ignore this e-mail.',
        }
      : {
          subject: `${p.inviter} nodigt je uit in Kring`,
          heading: `Een uitnodiging van ${p.inviter}`,
          paragraphs: [
            `${p.inviter} nodigt je uit in de kring van ${p.accountName} in Kring, met ${level}.`,
            'Open de uitnodiging om een login te maken of in te loggen met dit e-mailadres.',
          ],
          action: { label: 'Uitnodiging openen', url: p.url },
          footnote: 'Deze link werkt één keer en is 7 dagen geldig. Verwachtte je dit niet? Dan kun je deze e-mail negeren.',
        };
  return renderMail(c);
}

export function levelChangedMail(
  locale: Locale,
  p: { manager: string; accountName: string; level: AccessLevel; url: string },
): Rendered {
  const level = LEVEL_TEXT[locale][p.level];
  return renderMail(
    locale === 'en'
      ? {
          subject: `Your access to ${p.accountName} has changed`,
          heading: 'Your access has changed',
          paragraphs: [`${p.manager} changed what you can see of ${p.accountName}. You now have ${level}.`],
          action: { label: 'Open Kring', url: p.url },
        }
      : {
          subject: `Je toegang tot ${p.accountName} is gewijzigd`,
          heading: 'Je toegang is gewijzigd',
          paragraphs: [`${p.manager} heeft gewijzigd wat je van ${p.accountName} ziet. Je hebt nu ${level}.`],
          action: { label: 'Kring openen', url: p.url },
        },
  );
}

/** Access ended: removed by the manager, or the account was deactivated. */
export function accessEndedMail(
  locale: Locale,
  p: { accountName: string; why: 'REMOVED' | 'DEACTIVATED'; url: string },
): Rendered {
  const en = {
    REMOVED: `You are no longer connected to ${p.accountName} in Kring: the manager removed the connection.`,
    DEACTIVATED: `You are no longer connected to ${p.accountName} in Kring: the account was closed.`,
  };
  const nl = {
    REMOVED: `Je bent niet meer verbonden met ${p.accountName} in Kring: de beheerder heeft de verbinding verwijderd.`,
    DEACTIVATED: `Je bent niet meer verbonden met ${p.accountName} in Kring: het account is opgeheven.`,
  };
  return renderMail(
    locale === 'en'
      ? {
          subject: `Your access to ${p.accountName} has ended`,
          heading: 'Your access has ended',
          paragraphs: [en[p.why]],
          action: { label: 'Open Kring', url: p.url },
        }
      : {
          subject: `Je toegang tot ${p.accountName} is beëindigd`,
          heading: 'Je toegang is beëindigd',
          paragraphs: [nl[p.why]],
          action: { label: 'Kring openen', url: p.url },
        },
  );
}

/** To the manager: a helper joined, declined or left. */
export function circleChangedMail(
  locale: Locale,
  p: { helper: string; accountName: string; what: 'ACCEPTED' | 'DECLINED' | 'LEFT'; url: string },
): Rendered {
  const en = {
    ACCEPTED: [`${p.helper} accepted your invitation and is now connected to ${p.accountName}.`, `${p.helper} joined the circle`],
    DECLINED: [`${p.helper} declined the invitation to the circle of ${p.accountName}.`, `${p.helper} declined the invitation`],
    LEFT: [`${p.helper} left the circle of ${p.accountName} and no longer has access.`, `${p.helper} left the circle`],
  };
  const nl = {
    ACCEPTED: [`${p.helper} heeft je uitnodiging aangenomen en is nu verbonden met ${p.accountName}.`, `${p.helper} is aangesloten`],
    DECLINED: [`${p.helper} heeft de uitnodiging voor de kring van ${p.accountName} afgeslagen.`, `${p.helper} heeft de uitnodiging afgeslagen`],
    LEFT: [`${p.helper} heeft de kring van ${p.accountName} verlaten en heeft geen toegang meer.`, `${p.helper} heeft de kring verlaten`],
  };
  const [text, heading] = (locale === 'en' ? en : nl)[p.what];
  return renderMail({
    subject: heading,
    heading: heading,
    paragraphs: [text],
    action: { label: locale === 'en' ? 'View connections' : 'Connecties bekijken', url: p.url },
  });
}
