import { renderMail } from '../outbox/mail';
import type { EmailMessage } from '../outbox/outbox';

/*
 * The e-mails about a login's own security. They say what happened and give a link;
 * never a health detail (DESIGN.md, "What leaves Kring").
 */

type Lang = 'nl' | 'en';
const lang = (locale: string): Lang => (locale === 'en' ? 'en' : 'nl');
const link = (webUrl: string, path: string, token: string) => `${webUrl}${path}?token=${encodeURIComponent(token)}`;

export function passwordResetMail(to: string, locale: string, webUrl: string, token: string): EmailMessage {
  const url = link(webUrl, '/wachtwoord-herstellen', token);
  const c =
    lang(locale) === 'en'
      ? renderMail({
          subject: 'Reset your Kring password',
          heading: 'Choose a new password',
          paragraphs: ['Someone asked to reset the password of your Kring login. If that was you, choose a new password with the button below.', 'If it was not you, ignore this e-mail: your password stays as it is.'],
          action: { label: 'Choose a new password', url },
          footnote: 'This link is valid for 1 hour and works once. Afterwards you are signed out everywhere.',
        })
      : renderMail({
          subject: 'Nieuw wachtwoord voor Kring',
          heading: 'Kies een nieuw wachtwoord',
          paragraphs: ['Iemand vroeg om een nieuw wachtwoord voor je Kring-login. Was jij dat? Kies dan met de knop hieronder een nieuw wachtwoord.', 'Was jij het niet? Dan kun je deze e-mail negeren: je wachtwoord blijft hetzelfde.'],
          action: { label: 'Kies een nieuw wachtwoord', url },
          footnote: 'Deze link is 1 uur geldig en werkt één keer. Daarna ben je overal uitgelogd.',
        });
  return { kind: 'password-reset', to, ...c };
}

export function passwordChangedMail(to: string, locale: string, webUrl: string, how: 'reset' | 'changed'): EmailMessage {
  const url = `${webUrl}/wachtwoord-vergeten`;
  const c =
    lang(locale) === 'en'
      ? renderMail({
          subject: 'Your Kring password was changed',
          heading: 'Your password was changed',
          paragraphs: [
            how === 'reset' ? 'The password of your Kring login was just reset with the link from our e-mail. You were signed out everywhere.' : 'The password of your Kring login was just changed. Your other sessions were signed out.',
            'Was this not you? Then reset your password at once and contact us.',
          ],
          action: { label: 'Reset my password', url },
        })
      : renderMail({
          subject: 'Je Kring-wachtwoord is gewijzigd',
          heading: 'Je wachtwoord is gewijzigd',
          paragraphs: [
            how === 'reset' ? 'Het wachtwoord van je Kring-login is zojuist opnieuw ingesteld via de link uit onze e-mail. Je bent overal uitgelogd.' : 'Het wachtwoord van je Kring-login is zojuist gewijzigd. Je andere sessies zijn uitgelogd.',
            'Was jij dit niet? Stel dan meteen een nieuw wachtwoord in en neem contact met ons op.',
          ],
          action: { label: 'Nieuw wachtwoord instellen', url },
        });
  return { kind: 'password-changed', to, ...c };
}

export function verifyEmailMail(to: string, locale: string, webUrl: string, token: string): EmailMessage {
  const url = link(webUrl, '/e-mail/bevestigen', token);
  const c =
    lang(locale) === 'en'
      ? renderMail({
          subject: 'Confirm your e-mail address for Kring',
          heading: 'Confirm your e-mail address',
          paragraphs: ['Welcome to Kring. Confirm with the button below that this address is yours.'],
          action: { label: 'Confirm my address', url },
          footnote: 'This link is valid for 7 days.',
        })
      : renderMail({
          subject: 'Bevestig je e-mailadres voor Kring',
          heading: 'Bevestig je e-mailadres',
          paragraphs: ['Welkom bij Kring. Bevestig met de knop hieronder dat dit adres van jou is.'],
          action: { label: 'Bevestig mijn adres', url },
          footnote: 'Deze link is 7 dagen geldig.',
        });
  return { kind: 'verify-email', to, ...c };
}

export function changeEmailMail(to: string, locale: string, webUrl: string, token: string): EmailMessage {
  const url = link(webUrl, '/e-mail/bevestigen', token);
  const c =
    lang(locale) === 'en'
      ? renderMail({
          subject: 'Confirm your new e-mail address for Kring',
          heading: 'Confirm your new e-mail address',
          paragraphs: ['You asked to use this address for your Kring login. It counts once you confirm it with the button below.', 'Did you not ask for this? Then ignore this e-mail.'],
          action: { label: 'Confirm this address', url },
          footnote: 'This link is valid for 24 hours.',
        })
      : renderMail({
          subject: 'Bevestig je nieuwe e-mailadres voor Kring',
          heading: 'Bevestig je nieuwe e-mailadres',
          paragraphs: ['Je wilt dit adres gebruiken voor je Kring-login. Het telt zodra je het met de knop hieronder bevestigt.', 'Heb je hier niet om gevraagd? Dan kun je deze e-mail negeren.'],
          action: { label: 'Bevestig dit adres', url },
          footnote: 'Deze link is 24 uur geldig.',
        });
  return { kind: 'change-email', to, ...c };
}

export function emailChangeNoticeMail(to: string, locale: string, webUrl: string, newAddress: string): EmailMessage {
  const url = `${webUrl}/profiel`;
  const c =
    lang(locale) === 'en'
      ? renderMail({
          subject: 'Your Kring e-mail address is being changed',
          heading: 'A new e-mail address was entered',
          paragraphs: [`Someone entered ${newAddress} as the new e-mail address of your Kring login. It counts only once that address is confirmed.`, 'Was this not you? Then change your password and check your profile.'],
          action: { label: 'Open my profile', url },
        })
      : renderMail({
          subject: 'Je e-mailadres bij Kring wordt gewijzigd',
          heading: 'Er is een nieuw e-mailadres ingevuld',
          paragraphs: [`Voor je Kring-login is ${newAddress} ingevuld als nieuw e-mailadres. Het telt pas als dat adres is bevestigd.`, 'Was jij dit niet? Wijzig dan je wachtwoord en kijk je profiel na.'],
          action: { label: 'Open mijn profiel', url },
        });
  return { kind: 'email-change-notice', to, ...c };
}
