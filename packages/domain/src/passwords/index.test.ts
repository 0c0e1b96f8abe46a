import { needsRehash, passwordProblem } from './index';

describe('password policy', () => {
  it('refuses "Welkom01!" as a common password', () => {
    expect(passwordProblem('Welkom01!')).toBe('TOO_COMMON');
  });
  it('counts Unicode characters, not bytes', () => {
    expect(passwordProblem('ü'.repeat(64))).toBeNull();
    expect(passwordProblem('ü'.repeat(7))).toBe('TOO_SHORT');
    expect(passwordProblem('a'.repeat(129))).toBe('TOO_LONG');
  });
  it('asks to re-hash weaker hashes', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$abc$def')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=19456,t=2,p=1$abc$def')).toBe(false);
    expect(needsRehash('$2b$10$bcrypt')).toBe(true);
    // node-argon2 writes m, p, t in that order.
    expect(needsRehash('$argon2id$v=19$m=19456,p=1,t=2$abc$def')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,p=1,t=3$abc$def')).toBe(true);
  });
});
