/** @jest-environment node */
jest.mock('next/headers', () => ({ cookies: () => Promise.resolve({}) }));
const apiTokenFromCookies = jest.fn();
jest.mock('@/lib/session', () => ({ apiTokenFromCookies: (...a: unknown[]) => apiTokenFromCookies(...a) as unknown }));
jest.mock('@/lib/server-env', () => ({ serverEnv: { apiUrl: 'http://api.test', proxySecret: '', siteUrl: 'http://web.test', production: false }, secureCookies: () => false }));

import { PUT } from './route';

const put = (headers: Record<string, string>, body: BodyInit = new Uint8Array([1, 2, 3])) =>
  PUT(new Request('http://web.test/api/avatar', { method: 'PUT', headers: { origin: 'http://web.test', 'content-type': 'image/png', ...headers }, body }));

describe('PUT /api/avatar', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    apiTokenFromCookies.mockReset().mockResolvedValue('session-token');
    fetchMock.mockReset().mockResolvedValue(new Response('{"avatarUrl":"x"}', { status: 200, headers: { 'content-type': 'application/json' } }));
    global.fetch = fetchMock;
  });

  it('forwards the picture to the API with the bearer token from the cookie', async () => {
    const res = await put({});
    expect(res.status).toBe(200);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('http://api.test/me/avatar');
    expect(init.method).toBe('PUT');
    expect(init.headers.authorization).toBe('Bearer session-token');
    expect(init.headers['content-type']).toBe('image/png');
  });

  it.each([
    ['another origin', { origin: 'https://evil.example' }, 403],
    ['a GIF', { 'content-type': 'image/gif' }, 415],
    ['more than 5 MB announced', { 'content-length': String(6 * 1024 * 1024) }, 413],
  ])('refuses %s', async (_what, headers, status) => {
    expect((await put(headers)).status).toBe(status);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a body over 5 MB even when the length was not announced', async () => {
    expect((await put({}, new Uint8Array(5 * 1024 * 1024 + 1))).status).toBe(413);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses without a session', async () => {
    apiTokenFromCookies.mockResolvedValue(null);
    expect((await put({})).status).toBe(401);
  });
});
