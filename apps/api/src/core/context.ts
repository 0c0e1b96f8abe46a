import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Logger } from 'pino';
import type { AccessLevel, AccountStatus } from '@kring/domain';
import type { Db } from '../db/data-source';
import type { Env } from '../env';
import type { Clock } from './clock';
import { AccountEntity, MembershipEntity } from '../modules/accounts/account.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { ProviderEntity } from '../modules/providers/provider.entity';

export interface ViewerSession {
  userId: string;
  sessionId: string;
  stepUpUsedAt: Date | null;
}

export interface ProviderPrincipal {
  providerId: string;
  name: string;
}

export interface Access {
  account: AccountEntity;
  level: AccessLevel;
  status: AccountStatus;
}

/** Services every request shares: database, clock, configuration, log. */
export interface AppServices {
  db: Db;
  clock: Clock;
  env: Env;
  log: Logger;
}

export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  account: DataLoader<string, AccountEntity | null>;
  /** The viewer's access to an account, or null when not connected (exactly as for an unknown id). */
  access: DataLoader<string, Access | null>;
  /** Care providers by id (Provider fields of dossier items, appointments, links). */
  provider: DataLoader<string, ProviderEntity | null>;
}

export interface Context extends AppServices {
  requestId: string;
  viewer: ViewerSession | null;
  provider: ProviderPrincipal | null;
  client: { ip: string; userAgent: string | null };
  /** The request's Accept-Language header, for texts shown to signed-out visitors (help bubble). */
  acceptLanguage?: string | null;
  loaders: Loaders;
  /** Set once a protected field refreshed the step-up in this request. */
  stepUpTouched?: boolean;
}

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Per-request DataLoaders: no resolver issues a query per list item. */
export function createLoaders(services: AppServices, viewer: ViewerSession | null): Loaders {
  const m = () => services.db.manager;
  const user = new DataLoader<string, UserEntity | null>(async (ids) =>
    byId(await m().findBy(UserEntity, { id: In([...ids]) }), ids),
  );
  const account = new DataLoader<string, AccountEntity | null>(async (ids) =>
    byId(await m().findBy(AccountEntity, { id: In([...ids]) }), ids),
  );
  const access = new DataLoader<string, Access | null>(async (ids) => {
    if (!viewer) return ids.map(() => null);
    const memberships = await m().findBy(MembershipEntity, { userId: viewer.userId, accountId: In([...ids]) });
    const accounts = await Promise.all(memberships.map((ms) => account.load(ms.accountId)));
    return ids.map((id) => {
      const ms = memberships.find((x) => x.accountId === id);
      const acc = accounts.find((a) => a?.id === id);
      if (!ms || !acc) return null;
      // A closed account is visible to its former manager only (DESIGN.md, deactivation).
      if (acc.status === 'CLOSED' && ms.level !== 'MANAGER') return null;
      return { account: acc, level: ms.level, status: acc.status };
    });
  });
  const provider = new DataLoader<string, ProviderEntity | null>(async (ids) =>
    byId(await m().findBy(ProviderEntity, { id: In([...ids]) }), ids),
  );
  return { user, account, access, provider };
}
