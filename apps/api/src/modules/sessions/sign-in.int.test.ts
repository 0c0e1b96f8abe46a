import argon2 from 'argon2';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { UserEntity } from '../accounts/user.entity';
import { DEMO_PASSWORD } from '../../seed/demo';

// The suite shares a loaded machine; argon2 and image work take their time.
jest.setTimeout(60_000);

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }';
const from = (ip: string, ua = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0') => ({
  headers: { 'x-kring-proxy-secret': 'test-proxy-secret-123456', 'x-kring-client-ip': ip, 'x-kring-client-ua': ua },
});
const err = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions ?? null;

describe('sign-in hardening (QUALITY.md 1–3)', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());
  const attempt = (email: string, password: string, ip: string) => w.gql(SIGN_IN, { e: email, p: password }, from(ip));

  it('delays after 5 failures, growing with every further one, even for the right password', async () => {
    const ip = '10.0.1.1';
    for (let i = 0; i < 5; i++) expect(err(await attempt('jeroen@example.nl', 'fout-wachtwoord', ip))?.code).toBe('UNAUTHENTICATED');
    const sixth = err(await attempt('jeroen@example.nl', DEMO_PASSWORD, ip));
    expect(sixth).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 15 });
    w.clock.advance(15_000);
    expect(err(await attempt('jeroen@example.nl', 'fout-wachtwoord', ip))?.code).toBe('UNAUTHENTICATED');
    expect(err(await attempt('jeroen@example.nl', DEMO_PASSWORD, ip))).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    // Another address is not slowed down by this one (only the hourly cap counts across addresses).
    expect(err(await attempt('jeroen@example.nl', DEMO_PASSWORD, '10.0.1.2'))).toBeNull();
    w.clock.advance(30_000);
    expect(err(await attempt('jeroen@example.nl', DEMO_PASSWORD, ip))).toBeNull();
    // A success clears the delay for that address.
    expect(err(await attempt('jeroen@example.nl', 'fout-wachtwoord', ip))?.code).toBe('UNAUTHENTICATED');
    expect(err(await attempt('jeroen@example.nl', 'fout-wachtwoord', ip))?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the 101st try in an hour, spread over 10 addresses, even with the right password', async () => {
    w.clock.advance(2 * 3600_000);
    const ips = Array.from({ length: 10 }, (_, i) => `10.0.2.${i + 1}`);
    for (let round = 0; round < 10; round++) {
      // Wait out the per-address delay (15 s, 30 s, … after the 5th failure), all addresses in parallel.
      if (round >= 5) w.clock.advance(15_000 * 2 ** (round - 5));
      for (const ip of ips) expect(err(await attempt('fatima@example.nl', 'fout-wachtwoord', ip))?.code).toBe('UNAUTHENTICATED');
    }
    w.clock.advance(1000);
    const hundredFirst = err(await attempt('fatima@example.nl', DEMO_PASSWORD, '10.0.2.99'));
    expect(hundredFirst?.code).toBe('RATE_LIMITED');
    expect(hundredFirst?.retryAfterSeconds).toBeGreaterThan(0);
    // An hour after the first failures the account can be used again.
    w.clock.advance(Number(hundredFirst?.retryAfterSeconds) * 1000);
    expect(err(await attempt('fatima@example.nl', DEMO_PASSWORD, '10.0.2.99'))).toBeNull();
  }, 60_000);

  it('answers an unknown address exactly like a known one, throttling included (no enumeration)', async () => {
    w.clock.advance(2 * 3600_000);
    const answers = async (email: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await attempt(email, 'fout-wachtwoord', ip);
        out.push({ status: r.status, errors: r.errors, data: r.data });
      }
      return out;
    };
    const known = await answers('pieter@example.nl', '10.0.3.1');
    const unknown = await answers('niemand@example.nl', '10.0.3.2');
    expect(unknown).toEqual(known);
    expect((known[6] as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
  });

  it('re-hashes a weaker stored hash at sign-in, and the password keeps working', async () => {
    w.clock.advance(2 * 3600_000);
    const weak = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 3, parallelism: 1 });
    await w.db.manager.update(UserEntity, { email: 'pieter@example.nl' }, { passwordHash: weak });
    await w.signIn('pieter@example.nl');
    const { passwordHash } = await w.db.manager.findOneByOrFail(UserEntity, { email: 'pieter@example.nl' });
    const params = Object.fromEntries(/^\$argon2id\$v=19\$([^$]+)\$/.exec(passwordHash)![1]!.split(',').map((kv) => kv.split('=')));
    expect(params).toEqual({ m: '19456', t: '2', p: '1' });
    await w.signIn('pieter@example.nl');
    // A current hash is left alone.
    expect((await w.db.manager.findOneByOrFail(UserEntity, { email: 'pieter@example.nl' })).passwordHash).toBe(passwordHash);
  });

  it('writes the sign-in, with its device, to the user\'s own security log', async () => {
    w.clock.advance(2 * 3600_000);
    const r = await w.gql(SIGN_IN, { e: 'jeroen@example.nl', p: DEMO_PASSWORD }, from('10.0.4.1', 'Mozilla/5.0 (Linux; Android 14) Chrome/129.0 Mobile Safari/537.36'));
    const token = (r.data as { signIn: { token: string } }).signIn.token;
    const log = await w.ok('{ viewer { securityLog(first: 1) { nodes { action device at } } } }', {}, { token });
    expect(log.viewer.securityLog.nodes).toEqual([{ action: 'SIGNED_IN', device: 'Chrome on Android', at: expect.any(String) }]);
  });
});
