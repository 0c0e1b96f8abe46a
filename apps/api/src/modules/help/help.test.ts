import { FAQ } from './faq.content';
import { normalise, searchFaq } from './help.service';

describe('the frequently asked questions', () => {
  it.each(['nl', 'en'] as const)('has at least 16 complete entries in %s', (locale) => {
    const entries = searchFaq(locale, null);
    expect(entries.length).toBeGreaterThanOrEqual(16);
    for (const e of entries) {
      expect(e.question.length).toBeGreaterThan(8);
      expect(e.answer.length).toBeGreaterThan(60);
    }
    expect(new Set(FAQ.map((f) => f.id)).size).toBe(FAQ.length);
  });

  // Every subject the help bubble promises (issue 6), found in both languages.
  it.each([
    ['nl', 'inloggen', 'inloggen'],
    ['nl', 'brief code', 'activatiecode'],
    ['nl', 'sms code', 'sms-code'],
    ['nl', 'rechten', 'rechten'],
    ['nl', 'agenda afspraak', 'agenda'],
    ['nl', 'dossier', 'dossier'],
    ['nl', 'meldingen e-mail', 'meldingen'],
    ['nl', 'privacy gegevens', 'privacy'],
    ['en', 'sign in', 'inloggen'],
    ['en', 'letter code', 'activatiecode'],
    ['en', 'sms code', 'sms-code'],
    ['en', 'trust group rights', 'rechten'],
    ['en', 'calendar appointment', 'agenda'],
    ['en', 'care file', 'dossier'],
    ['en', 'notifications', 'meldingen'],
    ['en', 'data', 'privacy'],
  ] as const)('in %s, "%s" finds %s', (locale, search, id) => {
    expect(searchFaq(locale, search).map((e) => e.id)).toContain(id);
  });

  it('puts the entry whose question matches first', () => {
    expect(searchFaq('nl', 'sms code')[0]?.id).toBe('sms-code');
  });

  it('ignores accents, case and hyphens', () => {
    expect(normalise('Beëindig SMS-code')).toBe('beeindig sms code');
    expect(searchFaq('nl', 'BEEINDIG').map((e) => e.id)).toContain('sessies');
    expect(searchFaq('nl', 'smscode').map((e) => e.id)).toContain('sms-code');
  });

  it('finds nothing for nonsense, and everything for an empty search', () => {
    expect(searchFaq('nl', 'xyzzy kwispel')).toEqual([]);
    expect(searchFaq('en', '  ')).toHaveLength(FAQ.length);
  });
});
