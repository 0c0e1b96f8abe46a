/** Server-side configuration of the web app (the start script sets these). */
export const serverEnv = {
  apiUrl: (process.env.KRING_API_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, ''),
  proxySecret: process.env.KRING_PROXY_SECRET ?? '',
  siteUrl: process.env.NEXTAUTH_URL ?? '',
  // Production behaviour is decided by KRING_ENV, never by NODE_ENV (DESIGN.md).
  production: process.env.KRING_ENV === 'production',
};

/** Cookies get the __Secure-/__Host- prefixes and the Secure flag when the site is served over https. */
export function secureCookies(): boolean {
  return serverEnv.siteUrl.startsWith('https://');
}
