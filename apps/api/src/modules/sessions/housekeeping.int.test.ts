import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { SmsCodeEntity } from '../stepup/sms-code.entity';
import { IdentityTokenEntity } from '../identity/identity-token.entity';
import { SessionEntity } from './session.entity';
import { ThrottleEventEntity } from './throttle-event.entity';
import { purgeSecurityLeftovers } from './housekeeping';

// The suite shares a loaded machine; argon2 takes its time.
jest.setTimeout(60_000);

describe('purging security leftovers', () => {
  let w: DemoWorld;
  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.close());

  it('drops old counters, codes, link tokens and sessions, and keeps recent ones', async () => {
    await w.ok('mutation { requestStepUpCode { sentTo } }', {}, { token: w.tokens.sanne });
    await w.ok('mutation { requestPasswordReset(email: "jeroen@example.nl") }');
    await w.gql('mutation { signIn(email: "fatima@example.nl", password: "fout-wachtwoord") { token } }');
    const services = w.app.services;
    expect(await purgeSecurityLeftovers(services)).toBe(0);
    w.clock.advance(31 * 24 * 3600_000);
    const fresh = await w.signIn('pieter@example.nl');
    expect(await purgeSecurityLeftovers(services)).toBeGreaterThan(0);
    const m = w.db.manager;
    expect(await m.count(SmsCodeEntity)).toBe(0);
    expect(await m.count(IdentityTokenEntity)).toBe(0);
    expect(await m.count(ThrottleEventEntity)).toBe(0);
    expect(await m.count(SessionEntity)).toBe(1);
    expect((await w.ok('{ viewer { user { email } } }', {}, { token: fresh })).viewer.user.email).toBe('pieter@example.nl');
  });
});
