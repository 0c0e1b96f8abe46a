import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '@/lib/i18n/client';
import { LoginForm, type SignInFn } from './login-form';

function setup(signIn: SignInFn, locale: 'nl' | 'en' = 'nl') {
  const onSuccess = jest.fn();
  render(
    <I18nProvider locale={locale}>
      <LoginForm signIn={signIn} onSuccess={onSuccess} />
    </I18nProvider>,
  );
  return { onSuccess, user: userEvent.setup() };
}

describe('LoginForm', () => {
  it('signs in with e-mail and password and moves on', async () => {
    const signIn = jest.fn<ReturnType<SignInFn>, Parameters<SignInFn>>().mockResolvedValue({ ok: true, error: null });
    const { onSuccess, user } = setup(signIn);
    await user.type(screen.getByLabelText('E-mailadres'), ' sanne@example.nl ');
    await user.type(screen.getByLabelText('Wachtwoord'), 'welkom-bij-kring');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(signIn).toHaveBeenCalledWith('sanne@example.nl', 'welkom-bij-kring');
    expect(onSuccess).toHaveBeenCalled();
  });

  it.each([
    ['WRONG_CREDENTIALS', 'Het e-mailadres of wachtwoord klopt niet.'],
    ['CredentialsSignin', 'Het e-mailadres of wachtwoord klopt niet.'],
    ['RATE_LIMITED', 'Te veel pogingen. Wacht even en probeer het dan opnieuw.'],
    ['UNAVAILABLE', 'Kring is even niet bereikbaar. Probeer het zo opnieuw.'],
  ])('explains %s in plain Dutch', async (error, text) => {
    const { onSuccess, user } = setup(() => Promise.resolve({ ok: false, error }));
    await user.type(screen.getByLabelText('E-mailadres'), 'sanne@example.nl');
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('asks for both fields without calling the API', async () => {
    const signIn = jest.fn();
    const { user } = setup(signIn);
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Vul je e-mailadres en wachtwoord in.');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('speaks English when chosen', async () => {
    const { user } = setup(() => Promise.resolve({ ok: false, error: 'RATE_LIMITED' }), 'en');
    await user.type(screen.getByLabelText('E-mail address'), 'a@b.nl');
    await user.type(screen.getByLabelText('Password'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
  });
});
