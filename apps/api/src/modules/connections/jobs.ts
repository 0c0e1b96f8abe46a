import { JOBS } from '../../worker/workers';
import { purgeClosedAccounts } from './deactivation.service';

// Closed accounts are deleted 30 days after deactivation; checked hourly.
JOBS.push({ name: 'purge-closed-accounts', everyMs: 3600_000, run: purgeClosedAccounts });
