import { getMetadataStorage } from 'type-graphql';
import { RESOLVERS } from './resolvers';
import { ENTITY_ACCOUNTS } from './guards';

/** One query, mutation or field resolver as type-graphql registered it, with the roles of its guard(s). */
export interface GuardedOperation {
  /** `Query.viewer`, `Mutation.signIn`, `Account.calendar`, … */
  coordinate: string;
  /** One entry per @Authorized on the method (exactly one is allowed). */
  guards: string[][];
}

/**
 * Walks type-graphql's metadata for every resolver class in the schema and lists each
 * operation with the roles of its guard. Used by the fail-closed test and the permission snapshot.
 */
export function guardedOperations(): GuardedOperation[] {
  const storage = getMetadataStorage();
  const inSchema = new Set<unknown>(RESOLVERS);
  const typeName = (cls: unknown): string =>
    storage.objectTypes.find((o) => o.target === cls)?.name ?? storage.interfaceTypes.find((o) => o.target === cls)?.name ?? '?';
  const guardsOf = (target: unknown, methodName: string): string[][] => {
    const own = storage.authorizedFields.filter((a) => a.target === target && a.fieldName === methodName).map((a) => a.roles.map(String));
    const byClass = storage.authorizedResolver.filter((a) => a.target === target).map((a) => a.roles.map(String));
    return [...own, ...byClass];
  };
  const out: GuardedOperation[] = [];
  for (const [parent, defs] of [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
    ['Subscription', storage.subscriptions],
  ] as const) {
    for (const d of defs) {
      if (!inSchema.has(d.target)) continue;
      out.push({ coordinate: `${parent}.${d.schemaName}`, guards: guardsOf(d.target, d.methodName) });
    }
  }
  for (const d of storage.fieldResolvers) {
    if (!inSchema.has(d.target)) continue;
    const resolverClass = storage.resolverClasses.find((r) => r.target === d.target);
    const objectClass = d.getObjectType?.() ?? resolverClass?.getObjectType();
    out.push({ coordinate: `${typeName(objectClass)}.${d.schemaName}`, guards: guardsOf(d.target, d.methodName) });
  }
  return out.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

const SIMPLE = new Set(['PUBLIC', 'SIGNED_IN', 'PROVIDER', 'PARENT']);

/** Why a guard's roles are not one of the guards of core/guards.ts, or null when they are. */
export function guardProblem(guards: string[][]): string | null {
  if (guards.length === 0) return 'no guard (add one of @Public, @SignedIn, @ByEntity, @ProviderOnly, @ParentGuarded, @Requires)';
  if (guards.length > 1) return `${guards.length} guards; exactly one is allowed`;
  const roles = guards[0] ?? [];
  if (roles.length === 0) return 'a bare @Authorized() without roles; use a guard from core/guards.ts';
  if (roles.length === 1 && SIMPLE.has(roles[0] ?? '')) return null;
  if (roles.length === 2 && roles[0] === 'SIGNED_IN' && roles[1]?.startsWith('ENTITY:')) return null;
  // @Requires(right, { entity?, stepUp? }): RIGHT:x, then optionally ACCOUNT_OF:entity, then optionally STEP_UP:n.
  if (/^RIGHT:[A-Z_]+( ACCOUNT_OF:\w+)?( STEP_UP:\d+)?$/.test(roles.join(' '))) {
    const entity = roles.find((r) => r.startsWith('ACCOUNT_OF:'))?.slice('ACCOUNT_OF:'.length);
    if (entity !== undefined && !ENTITY_ACCOUNTS.has(entity)) return `no account lookup registered for entity '${entity}' (registerEntityAccount)`;
    return null;
  }
  return `roles ${JSON.stringify(roles)} are not one guard of core/guards.ts`;
}
