// Registers the providers area: API-key resolution, the letter PDF route and the demo provider.
import { registerProviderKeyResolver } from '../../http/principal';
import { ROUTES } from '../../http/routes';
import { letterPdfRoute } from '../activation/letter.route';
import { resolveProviderKey } from './provider-key.service';
import { DEMO_STEPS } from '../../seed/demo';
import { seedDemoProvider } from './demo';

registerProviderKeyResolver(resolveProviderKey);
ROUTES.push(letterPdfRoute);
DEMO_STEPS.push(seedDemoProvider);
