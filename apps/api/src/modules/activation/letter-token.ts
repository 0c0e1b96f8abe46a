import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The PDF link of a letter carries its code, encrypted (AES-256-GCM) with a random
 * key kept on the letter row and bound to the letter id. The database alone holds
 * only the code's hash and this key; the link alone holds only ciphertext. The
 * link also expires (LETTER_PDF_LINK_MS), well before the letter itself.
 */
export const LETTER_PDF_LINK_MS = 7 * 24 * 60 * 60 * 1000;

export const newPdfKey = (): string => randomBytes(32).toString('hex');

export function sealLetterToken(keyHex: string, letterId: string, code: string, expiresAtMs: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  cipher.setAAD(Buffer.from(letterId));
  const body = Buffer.concat([cipher.update(`${code}.${expiresAtMs}`, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The code in a token, or null when the token is forged, for another letter, or expired. */
export function openLetterToken(keyHex: string, letterId: string, token: string, nowMs: number): string | null {
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length < 29) return null;
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(letterId));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const [code, exp] = text.split('.');
    if (!code || !exp || Number(exp) <= nowMs) return null;
    return code;
  } catch {
    return null;
  }
}
