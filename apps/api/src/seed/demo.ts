import type { EntityManager } from 'typeorm';
import type { Db } from '../db/data-source';
import { UserEntity } from '../modules/accounts/user.entity';
import { addMembership, createUserWithAccount } from '../modules/accounts/user.service';
import { hashPassword } from '../modules/sessions/password-hash';
import type { AccountEntity } from '../modules/accounts/account.entity';

/** Demo data only; never seeded in production (KRING_ENV=production). */
export const DEMO_PASSWORD = 'welkom-bij-kring';

export interface DemoCircle {
  sanne: UserEntity;
  jeroen: UserEntity;
  fatima: UserEntity;
  pieter: UserEntity;
  account: AccountEntity;
}

/** Further demo content (provider, dossier, messages, notes, appointments) is added by these steps. */
export type DemoStep = (m: EntityManager, now: Date, circle: DemoCircle) => Promise<void>;
export const DEMO_STEPS: DemoStep[] = [];

export async function seedDemoIfEmpty(db: Db, now: Date): Promise<boolean> {
  if ((await db.manager.count(UserEntity)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.tx(async (m) => {
    const person = async (email: string, firstName: string, lastName: string, phone: string | null) => {
      const { user, account } = await createUserWithAccount(m, now, { email, firstName, lastName, passwordHash, emailVerifiedAt: now });
      if (phone) {
        user.phoneE164 = phone;
        user.phoneVerifiedAt = now;
        await m.update(UserEntity, { id: user.id }, { phoneE164: phone, phoneVerifiedAt: now });
      }
      return { user, account };
    };
    const sanne = await person('sanne@example.nl', 'Sanne', 'de Vries', '+31612345678');
    const jeroen = await person('jeroen@example.nl', 'Jeroen', 'de Vries', '+31687654321');
    const fatima = await person('fatima@example.nl', 'Fatima', 'El Amrani', null);
    const pieter = await person('pieter@example.nl', 'Pieter', 'Jansen', null);
    await addMembership(m, now, sanne.account.id, jeroen.user.id, 'TRUST');
    await addMembership(m, now, sanne.account.id, fatima.user.id, 'BASIC');
    await addMembership(m, now, sanne.account.id, pieter.user.id, 'NONE');
    const circle = { sanne: sanne.user, jeroen: jeroen.user, fatima: fatima.user, pieter: pieter.user, account: sanne.account };
    for (const step of DEMO_STEPS) await step(m, now, circle);
  });
  return true;
}
