import { renderMail } from '../outbox/mail';
import type { EmailMessage } from '../outbox/outbox';
import { maskPhone } from '../accounts/account.type';

/* E-mails about the mobile number: what happened and a link, no health content. */

export function phoneLinkMail(to: string, locale: string, webUrl: string, token: string, phone: string): EmailMessage {
  const url = `${webUrl}/telefoon/bevestigen?token=${encodeURIComponent(token)}`;
  const masked = maskPhone(phone);
  const c =
    locale === 'en'
      ? renderMail({
          subject: 'Confirm your mobile number for Kring',
          heading: 'Confirm your mobile number',
          paragraphs: [`You entered ${masked} as your mobile number. Press the button to have a code sent to it by SMS, then enter that code in Kring.`, 'Did you not do this? Then ignore this e-mail and change your password.'],
          action: { label: 'Send code', url },
          footnote: 'This link is valid for 24 hours.',
        })
      : renderMail({
          subject: 'Bevestig je mobiele nummer voor Kring',
          heading: 'Bevestig je mobiele nummer',
          paragraphs: [`Je hebt ${masked} ingevuld als je mobiele nummer. Druk op de knop om er een code naartoe te laten sturen per sms, en vul die code in bij Kring.`, 'Heb jij dit niet gedaan? Negeer deze e-mail dan en wijzig je wachtwoord.'],
          action: { label: 'Stuur code', url },
          footnote: 'Deze link is 24 uur geldig.',
        });
  return { kind: 'phone-verification-link', to, ...c };
}

export function phoneChangedMail(to: string, locale: string, webUrl: string, oldPhone: string, newPhone: string): EmailMessage {
  const url = `${webUrl}/profiel`;
  const c =
    locale === 'en'
      ? renderMail({
          subject: 'Your mobile number in Kring was changed',
          heading: 'Your mobile number was changed',
          paragraphs: [`The mobile number of your Kring login was changed from ${maskPhone(oldPhone)} to ${maskPhone(newPhone)}. SMS codes now go to the new number.`, 'Was this not you? Then reset your password at once and check your profile.'],
          action: { label: 'Open my profile', url },
        })
      : renderMail({
          subject: 'Je mobiele nummer bij Kring is gewijzigd',
          heading: 'Je mobiele nummer is gewijzigd',
          paragraphs: [`Het mobiele nummer van je Kring-login is gewijzigd van ${maskPhone(oldPhone)} naar ${maskPhone(newPhone)}. Sms-codes gaan nu naar het nieuwe nummer.`, 'Was jij dit niet? Stel dan meteen een nieuw wachtwoord in en kijk je profiel na.'],
          action: { label: 'Open mijn profiel', url },
        });
  return { kind: 'phone-changed', to, ...c };
}
