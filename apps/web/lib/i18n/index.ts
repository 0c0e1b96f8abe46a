import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';

export type Locale = 'nl' | 'en';
export type { MessageKey, Messages };
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'kring-locale';

const DICTIONARIES: Record<Locale, Messages> = { nl, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Looks a text up and fills `{name}` placeholders; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text: string = DICTIONARIES[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function makeT(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

/** Error codes and reasons from the API become a text the user understands. */
export function errorKey(code: string | undefined): MessageKey {
  const key = `error.${code ?? ''}`;
  return key in nl ? (key as MessageKey) : 'error.generic';
}

export function formatDateTime(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timeZone ?? 'Europe/Amsterdam',
  }).format(new Date(iso));
}

export function formatDate(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeZone: timeZone ?? 'Europe/Amsterdam',
  }).format(new Date(iso));
}
