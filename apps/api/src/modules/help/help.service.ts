import { z } from 'zod';
import type { Context } from '../../core/context';
import { AppError, badInput } from '../../core/errors';
import { enqueueEmail } from '../outbox/outbox';
import { renderMail } from '../outbox/mail';
import { bucket, eventTimes, recordEvents } from '../sessions/throttle';
import { FAQ } from './faq.content';

export type Locale = 'nl' | 'en';

export interface FaqEntry {
  id: string;
  question: string;
  answer: string;
}

/** Lower case, without accents and punctuation: "SMS-code" and "sms code", "beëindig" and "beeindig" match. */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first of: the asked locale, the viewer's language, the browser's Accept-Language; Dutch by default. */
export async function faqLocale(ctx: Context, asked: string | null | undefined): Promise<Locale> {
  if (asked === 'nl' || asked === 'en') return asked;
  if (ctx.viewer) {
    const user = await ctx.loaders.user.load(ctx.viewer.userId);
    if (user?.locale === 'en' || user?.locale === 'nl') return user.locale;
  }
  const first = ctx.acceptLanguage
    ?.split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((lang) => lang === 'nl' || lang === 'en');
  return first === 'en' ? 'en' : 'nl';
}

/** Every word of the search must occur in the question or the answer; hits in the question come first. */
export function searchFaq(locale: Locale, search: string | null | undefined): FaqEntry[] {
  const entries = FAQ.map((f) => ({ id: f.id, question: f[locale].q, answer: f[locale].a }));
  const words = normalise((search ?? '').slice(0, 200)).split(' ').filter(Boolean);
  if (!words.length) return entries;
  return entries
    .map((e) => {
      const q = normalise(e.question);
      const a = normalise(e.answer);
      const all = `${q} ${a}`;
      // "sms code" also finds "sms-code" and "smscode".
      const joined = all.replace(/ /g, '');
      const hit = words.every((w) => all.includes(w)) || joined.includes(words.join(''));
      const score = words.filter((w) => q.includes(w)).length;
      return { e, hit, score };
    })
    .filter((x) => x.hit)
    .sort((x, y) => y.score - x.score)
    .map((x) => x.e);
}

export const QUESTION_MIN = 10;
export const QUESTION_MAX = 2000;
export const QUESTIONS_PER_HOUR = 5;
const HOUR_MS = 3600_000;

/** A question from the help bubble, to Kring's support address through the outbox; signed out too. */
export async function askQuestion(ctx: Context, question: string, replyTo: string | null | undefined): Promise<boolean> {
  const text = question.trim();
  if ([...text].length < QUESTION_MIN) throw badInput('TOO_SHORT', `Beschrijf je vraag in minstens ${QUESTION_MIN} tekens.`, 'question');
  if ([...text].length > QUESTION_MAX) throw badInput('TOO_LONG', `Een vraag is hoogstens ${QUESTION_MAX} tekens lang.`, 'question');
  const reply = replyTo?.trim() || null;
  if (reply && !z.email().safeParse(reply).success) throw badInput('INVALID_EMAIL', 'Dit e-mailadres klopt niet.', 'replyTo');
  const user = ctx.viewer ? await ctx.loaders.user.load(ctx.viewer.userId) : null;
  const now = ctx.clock.now();
  // Per client address, so that the support inbox cannot be flooded (signed-out visitors too).
  const counter = bucket('help-question', ctx.client.ip);
  await ctx.db.tx(async (m) => {
    const times = await eventTimes(m, counter, new Date(now.getTime() - HOUR_MS));
    if (times.length >= QUESTIONS_PER_HOUR) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Math.min(...times) + HOUR_MS - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', 'Je hebt al een paar vragen gesteld. Probeer het over een uur opnieuw.', { retryAfterSeconds });
    }
    await recordEvents(m, now, [counter]);
    const answerTo = reply ?? user?.email ?? null;
    const mail = renderMail({
      subject: 'Vraag via de hulpknop van Kring',
      heading: 'Een vraag via de hulpknop',
      paragraphs: [
        ...text.split(/\n{2,}/),
        answerTo ? `Antwoord naar: ${answerTo}` : 'Geen e-mailadres opgegeven om op te antwoorden.',
        user ? `Gesteld door een ingelogde gebruiker (${user.email}, taal ${user.locale}).` : 'Gesteld zonder in te loggen.',
      ],
    });
    // The asker chose to send this text to support; it goes nowhere else and is not logged.
    await enqueueEmail(m, now, { kind: 'help-question', to: ctx.env.SUPPORT_EMAIL, ...mail });
  });
  return true;
}
