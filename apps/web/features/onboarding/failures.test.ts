import { failureOf } from './failures';

describe('failureOf (words the onboarding pages translate)', () => {
  it.each([
    [{ code: 'BAD_USER_INPUT', reason: 'CODE_OR_BIRTH_DATE_WRONG' }, 'CODE_OR_BIRTH_DATE_WRONG'],
    [{ code: 'BAD_USER_INPUT', reason: 'LOGIN_NEEDED' }, 'LOGIN_NEEDED'],
    [{ code: 'BAD_USER_INPUT', reason: 'TOO_COMMON' }, 'TOO_COMMON'],
    [{ code: 'RATE_LIMITED', reason: 'TOO_MANY_TRIES' }, 'TOO_MANY_TRIES'],
    [{ code: 'RATE_LIMITED' }, 'RATE_LIMITED'],
    [{ code: 'BAD_USER_INPUT', reason: 'SOMETHING_NEW' }, 'BAD_USER_INPUT'],
    [{ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_OR_REGISTER' }, 'WRONG_CREDENTIALS'],
    [{ code: 'INTERNAL_SERVER_ERROR' }, 'UNAVAILABLE'],
  ])('%j → %s', (extensions, word) => {
    expect(failureOf([{ message: 'x', extensions }])).toBe(word);
  });

  it('never passes an API message text on', () => {
    expect(failureOf([{ message: 'De code klopt niet voor 1990-05-17', extensions: { code: 'BAD_USER_INPUT' } }])).toBe('BAD_USER_INPUT');
  });
});
