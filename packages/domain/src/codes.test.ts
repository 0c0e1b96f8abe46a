import {
  LETTER_CODE_ALPHABET,
  formatLetterCode,
  generateLetterCode,
  letterCodeBits,
  letterState,
  normalizeBirthDate,
  normalizeLetterCode,
} from './codes';

describe('letter codes', () => {
  it('has no ambiguous symbols and at least 60 bits', () => {
    for (const ch of '0O1IL') expect(LETTER_CODE_ALPHABET).not.toContain(ch);
    expect(letterCodeBits()).toBeGreaterThanOrEqual(60);
  });

  it('generates 16 symbols of the alphabet, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateLetterCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
  });

  it('skips biased bytes instead of folding them into the alphabet', () => {
    // 248 is the first byte above the largest multiple of 31 (248 = 8 × 31): it must be skipped.
    let calls = 0;
    const random = (n: number) => {
      calls++;
      return Uint8Array.from({ length: n }, (_, i) => (calls === 1 && i % 2 === 0 ? 255 : 0));
    };
    expect(generateLetterCode(random)).toBe('2'.repeat(16));
  });

  it('is shown grouped by four', () => {
    expect(formatLetterCode('ABCDEFGHJKMNPQRS')).toBe('ABCD-EFGH-JKMN-PQRS');
  });

  it.each([
    ['abcd-efgh-jkmn-pqrs', 'ABCDEFGHJKMNPQRS'],
    [' ABCD EFGH JKMN PQRS ', 'ABCDEFGHJKMNPQRS'],
    ['abcdefghjkmnpqrs', 'ABCDEFGHJKMNPQRS'],
    ['ABCD–EFGH–JKMN–PQRS', 'ABCDEFGHJKMNPQRS'],
  ])('accepts %p typed in any case, with spaces or dashes', (typed, code) => {
    expect(normalizeLetterCode(typed)).toBe(code);
  });

  it.each(['ABCD-EFGH-JKMN-PQR', 'ABCD-EFGH-JKMN-PQRSS', 'ABCD-EFGH-JKMN-PQR0', 'OBCD-EFGH-JKMN-PQRS', ''])(
    'refuses %p',
    (typed) => expect(normalizeLetterCode(typed)).toBeNull(),
  );

  it('checks birth dates against the calendar', () => {
    expect(normalizeBirthDate('1990-02-28')).toBe('1990-02-28');
    expect(normalizeBirthDate('2000-02-29')).toBe('2000-02-29');
    expect(normalizeBirthDate('1990-02-29')).toBeNull();
    expect(normalizeBirthDate('28-02-1990')).toBeNull();
  });

  it('tells used, voided and expired letters apart', () => {
    const base = { usedAt: null, voidedAt: null, expiresAt: 1000 };
    expect(letterState(base, 999)).toBe('VALID');
    expect(letterState(base, 1000)).toBe('EXPIRED');
    expect(letterState({ ...base, usedAt: 5 }, 10)).toBe('USED');
    expect(letterState({ ...base, voidedAt: 5 }, 10)).toBe('VOIDED');
  });
});
