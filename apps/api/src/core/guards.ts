import { Authorized, Directive, type AuthChecker } from 'type-graphql';
import type { Right } from '@kring/domain';
import { AppError } from './errors';
import { requireRight, requireStepUp } from './access';
import type { Context } from './context';

/*
 * Every query, mutation and field resolver carries exactly one of these guards
 * (a test walks the metadata and fails on an unguarded one: fail closed).
 * Each applies type-graphql's @Authorized for enforcement and, where the contract
 * publishes one, the printed directive, so that enforced and published rules cannot drift.
 */

type Guard = MethodDecorator & PropertyDecorator;

function compose(...decorators: Guard[]): Guard {
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const d of decorators) (d as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  }) as Guard;
}

/** Anyone, signed in or not. */
export const Public = (): Guard => Authorized('PUBLIC');
/** Any signed-in user; what they reach is scoped to themselves by the service. */
export const SignedIn = (): Guard => Authorized('SIGNED_IN');
/** Takes an entity id: the service checks the right on the entity's own account (requireRightOnEntity). */
export const ByEntity = (right: Right): Guard => Authorized('SIGNED_IN', `ENTITY:${right}`);
/** A care-provider integration with its API key. */
export const ProviderOnly = (): Guard => Authorized('PROVIDER');
/** A field of an object whose parent was already guarded (e.g. Message.author under Account.messages). */
export const ParentGuarded = (): Guard => Authorized('PARENT');

/**
 * Entity-id guards: how the authChecker finds the account of an entity from a mutation's id
 * argument (e.g. `connectionId`). Modules register their lookups at import time.
 */
export interface EntityAccountLookup {
  /** The argument that carries the entity id. */
  arg: string;
  /** The entity's account, or null when the id is unknown. */
  accountOf(ctx: Context, id: string): Promise<string | null>;
}
export const ENTITY_ACCOUNTS = new Map<string, EntityAccountLookup>();
export function registerEntityAccount(entity: string, lookup: EntityAccountLookup): void {
  ENTITY_ACCOUNTS.set(entity, lookup);
}

/**
 * Needs `right` on the account: the parent Account, the mutation's `accountId` argument, or with
 * `entity` the account of the entity whose id the mutation takes (resolved through ENTITY_ACCOUNTS).
 */
export function Requires(right: Right, opts: { stepUp?: number; entity?: string } = {}): Guard {
  const roles = [`RIGHT:${right}`];
  if (opts.entity !== undefined) roles.push(`ACCOUNT_OF:${opts.entity}`);
  const decorators: Guard[] = [Directive(`@requires(right: ${right})`)];
  if (opts.stepUp !== undefined) {
    roles.push(`STEP_UP:${opts.stepUp}`);
    decorators.push(Directive(`@stepUp(maxAgeSeconds: ${opts.stepUp})`));
  }
  return compose(Authorized(...roles), ...decorators);
}

export const authChecker: AuthChecker<Context> = async ({ root, args, context, info }, roles) => {
  if (roles.includes('PUBLIC') || roles.includes('PARENT')) return true;
  if (roles.includes('PROVIDER')) {
    if (!context.provider) throw new AppError('UNAUTHENTICATED', 'Een geldige API-sleutel van een zorgaanbieder is nodig.');
    return true;
  }
  if (!context.viewer) throw new AppError('UNAUTHENTICATED');
  const right = roles.find((r) => r.startsWith('RIGHT:'))?.slice(6) as Right | undefined;
  if (right) {
    const entity = roles.find((r) => r.startsWith('ACCOUNT_OF:'))?.slice(11);
    const accountId = entity
      ? await accountOfEntity(context, entity, args)
      : info.parentType.name === 'Account'
        ? (root as { id: string }).id
        : (args as { accountId?: string }).accountId;
    if (!accountId) throw new Error(`guard misconfigured on ${info.parentType.name}.${info.fieldName}`);
    // The right is checked first: a viewer without it is refused, never asked for a code.
    await requireRight(context, accountId, right);
  }
  const stepUp = roles.find((r) => r.startsWith('STEP_UP:'));
  if (stepUp) await requireStepUp(context, Number(stepUp.slice(8)));
  return true;
};

async function accountOfEntity(ctx: Context, entity: string, args: Record<string, unknown>): Promise<string> {
  const lookup = ENTITY_ACCOUNTS.get(entity);
  if (!lookup) throw new Error(`no account lookup registered for entity '${entity}'`);
  const id = args[lookup.arg];
  const accountId = typeof id === 'string' ? await lookup.accountOf(ctx, id) : null;
  // An unknown id answers exactly like an id of an account without connection (requireRight): NOT_FOUND.
  if (!accountId) throw new AppError('NOT_FOUND');
  return accountId;
}
