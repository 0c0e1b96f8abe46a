import argon2 from 'argon2';
import { ARGON2_PARAMS } from '@kring/domain/passwords';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...ARGON2_PARAMS });
}

let dummy: Promise<string> | null = null;

/** Verifies against a stored hash, or against a dummy one so that unknown e-mails take as long (no enumeration). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummy ??= hashPassword('kring-dummy-password-for-timing');
  const hash = stored ?? (await dummy);
  try {
    const ok = await argon2.verify(hash, password);
    return ok && stored !== null;
  } catch {
    return false;
  }
}
