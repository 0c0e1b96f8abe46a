import { CARE_PLAN_LISTENERS } from '../dossier/events';
import { queueNotification } from './notify';

// A care plan is published by a provider: no user caused it, so nobody is left out as its author.
CARE_PLAN_LISTENERS.push((m, now, e) => queueNotification(m, now, { accountId: e.accountId, kind: 'CARE_PLAN_CHANGED' }));
