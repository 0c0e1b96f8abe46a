/** Access levels and rights: the one table every guard consults (DESIGN.md, "Accounts, people and rights"). */

export const ACCESS_LEVELS = ['MANAGER', 'TRUST', 'BASIC', 'NONE'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const RIGHTS = [
  'VIEW_CALENDAR',
  'EDIT_CALENDAR',
  'VIEW_MESSAGES',
  'VIEW_TRUST_GROUP_MESSAGES',
  'VIEW_NOTES',
  'EDIT_NOTES',
  'VIEW_DOSSIER',
  'MANAGE_CONNECTIONS',
  'MANAGE_ACCOUNT',
] as const;
export type Right = (typeof RIGHTS)[number];

const EVERYDAY: readonly Right[] = [
  'VIEW_CALENDAR',
  'EDIT_CALENDAR',
  'VIEW_MESSAGES',
  'VIEW_NOTES',
  'EDIT_NOTES',
];

export const RIGHTS_BY_LEVEL = {
  MANAGER: [...EVERYDAY, 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_DOSSIER', 'MANAGE_CONNECTIONS', 'MANAGE_ACCOUNT'],
  TRUST: [...EVERYDAY, 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_DOSSIER'],
  BASIC: [...EVERYDAY],
  // NONE: temporarily shielded; sees the account's name and picture only.
  NONE: [],
} as const satisfies Record<AccessLevel, readonly Right[]>;

export type AccountStatus = 'ACTIVE' | 'CLOSED';

/** What a former manager may still do on a CLOSED account: read and export, nothing else. */
const CLOSED_MANAGER_RIGHTS: readonly Right[] = ['VIEW_CALENDAR', 'VIEW_MESSAGES', 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_NOTES'];

export function rightsOf(level: AccessLevel, status: AccountStatus = 'ACTIVE'): readonly Right[] {
  if (status === 'CLOSED') return level === 'MANAGER' ? CLOSED_MANAGER_RIGHTS : [];
  return RIGHTS_BY_LEVEL[level];
}

export function hasRight(level: AccessLevel | null | undefined, right: Right, status: AccountStatus = 'ACTIVE'): boolean {
  if (!level) return false;
  return rightsOf(level, status).includes(right);
}

/** Levels a manager may hand out by invitation or with the "rechten" control. */
export const INVITABLE_LEVELS: readonly AccessLevel[] = ['TRUST', 'BASIC'];
export const GRANTABLE_LEVELS: readonly AccessLevel[] = ['TRUST', 'BASIC', 'NONE'];

/** Audiences of messages, and the right that reading (and posting to) each needs. */
export type Audience = 'ALL_CONNECTIONS' | 'TRUST_GROUP';
export const AUDIENCE_RIGHT = {
  ALL_CONNECTIONS: 'VIEW_MESSAGES',
  TRUST_GROUP: 'VIEW_TRUST_GROUP_MESSAGES',
} as const satisfies Record<Audience, Right>;

export function readableAudiences(level: AccessLevel | null | undefined, status: AccountStatus = 'ACTIVE'): Audience[] {
  return (Object.keys(AUDIENCE_RIGHT) as Audience[]).filter((a) => hasRight(level, AUDIENCE_RIGHT[a], status));
}
