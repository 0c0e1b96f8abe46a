// Registers the providers area: API-key resolution and the letter PDF route.
import { registerProviderKeyResolver } from '../../http/principal';
import { ROUTES } from '../../http/routes';
import { letterPdfRoute } from '../activation/letter.route';
import { resolveProviderKey } from './provider-key.service';

registerProviderKeyResolver(resolveProviderKey);
ROUTES.push(letterPdfRoute);
