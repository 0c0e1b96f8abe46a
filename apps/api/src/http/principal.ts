import type { AppServices, ProviderPrincipal, ViewerSession } from '../core/context';
import { resolveSession } from '../modules/sessions/session.service';

export type ProviderKeyResolver = (services: AppServices, key: string) => Promise<ProviderPrincipal | null>;

const providerResolvers: ProviderKeyResolver[] = [];
/** The providers module registers how an API key (prefix kp_) becomes a provider principal. */
export function registerProviderKeyResolver(resolver: ProviderKeyResolver): void {
  providerResolvers.push(resolver);
}

export async function resolvePrincipal(
  services: AppServices,
  authorization: string | undefined,
): Promise<{ viewer: ViewerSession | null; provider: ProviderPrincipal | null }> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return { viewer: null, provider: null };
  if (token.startsWith('kp_')) {
    for (const resolve of providerResolvers) {
      const provider = await resolve(services, token);
      if (provider) return { viewer: null, provider };
    }
    return { viewer: null, provider: null };
  }
  return { viewer: await resolveSession(services, token), provider: null };
}
