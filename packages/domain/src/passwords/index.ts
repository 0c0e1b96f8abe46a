/** Password policy (QUALITY.md 1, NIST SP 800-63B): length only, no composition rules, no truncation. */
import commonPasswords from './common-passwords.json';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** argon2id parameters (OWASP ASVS 11.4.2): m ≥ 19456 KiB, t = 2, p = 1. */
export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set(commonPasswords.map((p) => p.toLowerCase()));

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON';

/** Length is counted in code points, so a 64-character Unicode password is 64 long. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'TOO_SHORT';
  if (length > PASSWORD_MAX) return 'TOO_LONG';
  if (COMMON.has(password.toLowerCase())) return 'TOO_COMMON';
  return null;
}

/** Whether a stored argon2 hash is weaker than today's parameters and should be re-hashed at sign-in. */
export function needsRehash(encoded: string): boolean {
  // node-argon2 writes the parameters as m=…,p=…,t=… (PHC order varies): read them by name.
  const m = /^\$argon2id\$v=\d+\$([a-z]=\d+(?:,[a-z]=\d+)*)\$/.exec(encoded);
  if (!m) return true;
  const params = Object.fromEntries(m[1]!.split(',').map((kv) => [kv[0], Number(kv.slice(2))]));
  const [mem, time] = [params.m, params.t];
  if (mem === undefined || time === undefined) return true;
  return mem < ARGON2_PARAMS.memoryCost || time < ARGON2_PARAMS.timeCost;
}
