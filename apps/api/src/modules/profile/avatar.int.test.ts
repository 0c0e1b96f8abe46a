import sharp from 'sharp';
import { startDemoWorld, type DemoWorld } from '../../test/harness';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

describe('avatars', () => {
  let w: DemoWorld;
  let base: string;
  beforeAll(async () => {
    w = await startDemoWorld();
    base = w.url.replace(/\/graphql$/, '');
  });
  afterAll(() => w.close());

  const put = (body: Buffer | Uint8Array, token?: string, type = 'image/png') =>
    fetch(`${base}/me/avatar`, { method: 'PUT', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
  const image = (format: 'png' | 'jpeg' | 'webp' | 'gif', width = 600, height = 400) =>
    sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
      .toFormat(format)
      .toBuffer();
  const avatarPath = async (token: string) => {
    const url = (await w.ok('{ viewer { user { avatarUrl } } }', {}, { token })).viewer.user.avatarUrl as string | null;
    return url ? new URL(url).pathname : null;
  };

  it.each(['png', 'jpeg', 'webp'] as const)('takes a %s, re-encoded to a 256×256 WebP served publicly', async (format) => {
    const token = await w.signIn('fatima@example.nl');
    const res = await put(await image(format), token, `image/${format}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { avatarUrl: string };
    expect(body.avatarUrl).toMatch(/^http:\/\/localhost:4000\/avatars\/[0-9a-f-]{36}\.webp$/);
    const path = await avatarPath(token);
    expect(path).toBe(new URL(body.avatarUrl).pathname);
    const got = await fetch(`${base}${path}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/webp');
    expect(got.headers.get('cache-control')).toContain('public');
    const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
    // Shown wherever the person appears: their own account too.
    const own = await w.ok('{ viewer { accounts { own account { avatarUrl } } } }', {}, { token });
    expect(own.viewer.accounts.find((a: { own: boolean }) => a.own).account.avatarUrl).toBe(body.avatarUrl);
  });

  it('replaces the old picture: its address stops working', async () => {
    const token = await w.signIn('pieter@example.nl');
    await put(await image('png'), token);
    const first = await avatarPath(token);
    await put(await image('jpeg'), token);
    const second = await avatarPath(token);
    expect(second).not.toBe(first);
    expect((await fetch(`${base}${first}`)).status).toBe(404);
    expect((await fetch(`${base}${second}`)).status).toBe(200);
  });

  it.each([
    ['a GIF', () => image('gif'), 'UNSUPPORTED_IMAGE', 400],
    ['random bytes', () => Promise.resolve(Buffer.from('dit is geen plaatje')), 'UNSUPPORTED_IMAGE', 400],
    ['an SVG', () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 'UNSUPPORTED_IMAGE', 400],
    ['more than 5 MB', () => Promise.resolve(Buffer.alloc(5 * 1024 * 1024 + 1, 1)), 'TOO_LARGE', 413],
  ])('refuses %s with a clear error and keeps the old picture', async (_what, make, error, status) => {
    const token = await w.signIn('jeroen@example.nl');
    await put(await image('png'), token);
    const before = await avatarPath(token);
    const res = await put(await make(), token);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error, message: expect.any(String) });
    expect(await avatarPath(token)).toBe(before);
  });

  it('deletes the picture', async () => {
    const token = await w.signIn('sanne@example.nl');
    await put(await image('png'), token);
    const path = await avatarPath(token);
    const res = await fetch(`${base}/me/avatar`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await avatarPath(token)).toBeNull();
    expect((await fetch(`${base}${path}`)).status).toBe(404);
  });

  it('needs a session to change, not to view; unknown pictures are 404', async () => {
    expect((await put(await image('png'))).status).toBe(401);
    expect((await put(await image('png'), 'geen-geldig-token')).status).toBe(401);
    expect((await fetch(`${base}/me/avatar`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${base}/avatars/00000000-0000-0000-0000-000000000000.webp`)).status).toBe(404);
  });
});
