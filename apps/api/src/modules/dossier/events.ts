import type { EntityManager } from 'typeorm';

/**
 * Called inside the publishing transaction after a CARE_PLAN reached an account
 * (created or changed). The notifications module registers here, so that the
 * dossier does not depend on it. Listeners get no content: who and which provider.
 */
export type CarePlanListener = (m: EntityManager, now: Date, event: { accountId: string; providerName: string }) => Promise<void>;
export const CARE_PLAN_LISTENERS: CarePlanListener[] = [];

export async function onCarePlanChanged(m: EntityManager, now: Date, event: { accountId: string; providerName: string }): Promise<void> {
  for (const listener of CARE_PLAN_LISTENERS) await listener(m, now, event);
}
