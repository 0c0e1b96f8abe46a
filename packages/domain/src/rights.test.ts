import { ACCESS_LEVELS, RIGHTS, hasRight, readableAudiences, rightsOf } from './rights';

const expected: Record<string, string[]> = {
  MANAGER: [...RIGHTS],
  TRUST: ['VIEW_CALENDAR', 'EDIT_CALENDAR', 'VIEW_MESSAGES', 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_NOTES', 'EDIT_NOTES', 'VIEW_DOSSIER'],
  BASIC: ['VIEW_CALENDAR', 'EDIT_CALENDAR', 'VIEW_MESSAGES', 'VIEW_NOTES', 'EDIT_NOTES'],
  NONE: [],
};

describe('rights table (DESIGN.md)', () => {
  const cases = ACCESS_LEVELS.flatMap((level) => RIGHTS.map((right) => [level, right] as const));
  it.each(cases)('%s has %s exactly when DESIGN.md says so', (level, right) => {
    expect(hasRight(level, right)).toBe(expected[level].includes(right));
  });

  it('gives nothing without a level', () => {
    expect(hasRight(null, 'VIEW_CALENDAR')).toBe(false);
  });

  it('leaves a former manager only reading on a closed account', () => {
    expect(rightsOf('MANAGER', 'CLOSED')).not.toContain('EDIT_NOTES');
    expect(rightsOf('MANAGER', 'CLOSED')).toContain('VIEW_NOTES');
    expect(rightsOf('TRUST', 'CLOSED')).toEqual([]);
  });

  it('never lets BASIC read the trust group', () => {
    expect(readableAudiences('BASIC')).toEqual(['ALL_CONNECTIONS']);
    expect(readableAudiences('TRUST')).toEqual(['ALL_CONNECTIONS', 'TRUST_GROUP']);
    expect(readableAudiences('NONE')).toEqual([]);
  });
});
