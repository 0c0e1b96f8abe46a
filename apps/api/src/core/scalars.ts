import { registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ACCESS_LEVELS, RIGHTS, type AccessLevel, type Audience, type Right } from '@kring/domain';

/** GraphQL enums reuse the domain's constants, so there is one list of levels and rights. */
const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AccessLevelEnum = asEnum<AccessLevel>(ACCESS_LEVELS);
export const RightEnum = asEnum<Right>(RIGHTS);
export const AudienceEnum = asEnum<Audience>(['ALL_CONNECTIONS', 'TRUST_GROUP']);
export const AccountStatusEnum = asEnum(['ACTIVE', 'CLOSED'] as const);

registerEnumType(AccessLevelEnum, { name: 'AccessLevel' });
registerEnumType(RightEnum, { name: 'Right' });
registerEnumType(AudienceEnum, { name: 'Audience' });
registerEnumType(AccountStatusEnum, { name: 'AccountStatus' });

/** A calendar date without time or zone, YYYY-MM-DD (kept as a string everywhere). */
export const LocalDateScalar = LocalDateResolver;
