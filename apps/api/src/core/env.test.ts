import { parseEnv } from '../env';

/* Configuration is parsed once; a bad value stops start-up with a message naming the variable (CONVENTIONS.md). */

const delivery = {
  KRING_PROXY_SECRET: 'a-real-secret-of-some-length',
  RESEND_API_KEY: 're_live',
  TWILIO_ACCOUNT_SID: 'AC123',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM: '+3197000000000',
};

describe('parseEnv', () => {
  it('runs as a development demo when nothing is set', () => {
    const env = parseEnv({});
    expect(env.KRING_ENV).toBe('development');
    expect(env.PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses to start in production without real delivery and a real secret, naming what is missing', () => {
    expect(() => parseEnv({ KRING_ENV: 'production' })).toThrow(
      /KRING_PROXY_SECRET.*RESEND_API_KEY.*TWILIO_ACCOUNT_SID.*TWILIO_AUTH_TOKEN.*TWILIO_FROM/,
    );
    const { RESEND_API_KEY: _r, ...withoutMail } = delivery;
    expect(() => parseEnv({ KRING_ENV: 'production', ...withoutMail })).toThrow(/production needs RESEND_API_KEY$/);
  });

  it('starts in production with real delivery and a secret', () => {
    expect(parseEnv({ KRING_ENV: 'production', ...delivery }).KRING_ENV).toBe('production');
  });

  it('is not fooled by NODE_ENV: production is decided by KRING_ENV', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).KRING_ENV).toBe('development');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://localhost/kring'],
    ['KRING_ENV', 'prod'],
    ['PUBLIC_WEB_URL', 'not a url'],
    ['KRING_PROXY_SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
  ])('a bad %s (%s) stops start-up with a message naming the variable', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*\\b${name}\\b`));
  });

  it('accepts a MySQL/MariaDB URL', () => {
    expect(parseEnv({ DATABASE_URL: 'mysql://kring:pw@db:3306/kring' }).DATABASE_URL).toBe('mysql://kring:pw@db:3306/kring');
  });
});
