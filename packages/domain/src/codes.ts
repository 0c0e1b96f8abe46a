/**
 * Activation-letter codes (QUALITY.md 4): random, at least 60 bits, typed without
 * ambiguity. The alphabet leaves out 0/O, 1/I/L so that nobody has to guess which
 * one the letter shows; 16 characters of 31 symbols give about 79 bits.
 */
export const LETTER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LETTER_CODE_LENGTH = 16;
/** A letter is valid for six weeks. */
export const LETTER_VALIDITY_MS = 6 * 7 * 24 * 60 * 60 * 1000;
/** Wrong code/birth-date tries against one letter before it is voided. */
export const LETTER_MAX_WRONG_TRIES = 5;

/** Bits of entropy of a code: length × log2(alphabet size). */
export const letterCodeBits = (): number => LETTER_CODE_LENGTH * Math.log2(LETTER_CODE_ALPHABET.length);

export type RandomBytes = (n: number) => Uint8Array;

const cryptoRandom: RandomBytes = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/**
 * A new code, ungrouped (16 characters). Rejection sampling keeps every symbol
 * equally likely: bytes at or above the largest multiple of the alphabet size are skipped.
 */
export function generateLetterCode(random: RandomBytes = cryptoRandom): string {
  const size = LETTER_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < LETTER_CODE_LENGTH) {
    for (const byte of random(LETTER_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += LETTER_CODE_ALPHABET[byte % size];
      if (code.length === LETTER_CODE_LENGTH) break;
    }
  }
  return code;
}

/** XXXX-XXXX-XXXX-XXXX, as printed on the letter. */
export function formatLetterCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * What the person typed, as the code it stands for: case, spaces and dashes do not
 * matter. Returns null when it cannot be a code (wrong length or a symbol outside the alphabet).
 */
export function normalizeLetterCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-\u2010-\u2015]/g, '');
  if (code.length !== LETTER_CODE_LENGTH) return null;
  for (const ch of code) if (!LETTER_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** A LocalDate (YYYY-MM-DD) that exists in the calendar, or null. */
export function normalizeBirthDate(input: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return m[0];
}

export type LetterState = 'VALID' | 'USED' | 'VOIDED' | 'EXPIRED';

/** Whether a letter can still be redeemed at `now` (ms). */
export function letterState(
  letter: { usedAt: number | null; voidedAt: number | null; expiresAt: number },
  now: number,
): LetterState {
  if (letter.usedAt !== null) return 'USED';
  if (letter.voidedAt !== null) return 'VOIDED';
  if (now >= letter.expiresAt) return 'EXPIRED';
  return 'VALID';
}
