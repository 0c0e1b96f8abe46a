// Registers the providers area: API-key resolution, the letter PDF route and the demo provider.
import { registerProviderKeyResolver } from '../../http/principal';
import { ROUTES } from '../../http/routes';
import { letterPdfRoute } from '../activation/letter.route';
import { resolveProviderKey } from './provider-key.service';
import { DEMO_STEPS } from '../../seed/demo';
import { seedDemoProvider } from './demo';
import { JOBS } from '../../worker/workers';
import { purgeActivationAttempts } from '../activation/activation.service';

registerProviderKeyResolver(resolveProviderKey);
ROUTES.push(letterPdfRoute);
DEMO_STEPS.push(seedDemoProvider);
// Failed activation tries only matter for an hour (per-address throttle); forget them after.
JOBS.push({ name: 'purge-activation-attempts', everyMs: 3600_000, run: purgeActivationAttempts });
