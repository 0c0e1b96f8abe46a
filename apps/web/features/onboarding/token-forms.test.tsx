import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { ForgotPasswordForm, ResetPasswordForm, VerifyEmailPanel, VerifyPhonePanel } from './token-forms';

const badInput = (reason?: string) => ({ data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) } }] });

describe('password reset and confirmation pages', () => {
  it('answers a reset request the same way, known address or not', async () => {
    for (const reply of [() => ({ data: { requestPasswordReset: true } }), () => badInput()]) {
      const user = userEvent.setup();
      const { unmount } = renderWith(<ForgotPasswordForm />, { handlers: { RequestPasswordReset: reply } });
      await user.type(screen.getByLabelText('E-mailadres'), 'wie@example.nl');
      await user.click(screen.getByRole('button', { name: 'Stuur de link' }));
      expect(await screen.findByRole('status')).toHaveTextContent('Als er een login is met dit e-mailadres, krijg je binnen een paar minuten een e-mail');
      unmount();
    }
  });

  it('sets a new password (twice) and says every session ended', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ResetPasswordForm token="reset-tok" />, { handlers: { ResetPassword: () => ({ data: { resetPassword: true } }) } });
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een nieuw lang wachtwoord');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuw lang wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Je bent op alle apparaten uitgelogd.');
    expect(screen.getByRole('link', { name: 'Naar inloggen' })).toHaveAttribute('href', '/login');
    expect(api.calls[0]?.variables).toEqual({ token: 'reset-tok', newPassword: 'een nieuw lang wachtwoord' });
  });

  it('refuses two different passwords without asking the API, and explains a used link', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ResetPasswordForm token="old" />, { handlers: { ResetPassword: () => badInput('TOKEN_INVALID') } });
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een nieuw lang wachtwoord');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een ander lang wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('De twee nieuwe wachtwoorden zijn niet gelijk.');
    expect(api.calls).toHaveLength(0);
    await user.clear(screen.getByLabelText('Herhaal het nieuwe wachtwoord'));
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een nieuw lang wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord opslaan' }));
    expect(await screen.findByText(/Deze link is niet \(meer\) geldig/)).toBeInTheDocument();
  });

  it('confirms an e-mail address only when the button is pressed', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<VerifyEmailPanel token="mail-tok" />, { handlers: { VerifyEmail: () => ({ data: { verifyEmail: true } }) } });
    expect(api.calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Bevestig mijn e-mailadres' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Je e-mailadres is bevestigd.');
  });

  it('"stuur code" sends the SMS, then the code confirms the number', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<VerifyPhonePanel token="phone-tok" signedIn />, {
      handlers: {
        SendPhoneVerificationCode: () => ({ data: { sendPhoneVerificationCode: true } }),
        ConfirmPhoneNumber: (v) =>
          v.code === '123456'
            ? { data: { confirmPhoneNumber: { __typename: 'PhoneNumber', masked: '+31 6 ••• •• 78', verified: true, hidden: false } } }
            : badInput('WRONG_CODE'),
      },
    });
    await user.click(screen.getByRole('button', { name: 'Stuur code' }));
    expect(await screen.findByText('De sms is verstuurd. De code is 10 minuten geldig.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Bevestig met code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Die code klopt niet.');
    await user.type(screen.getByLabelText('Bevestig met code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText(/Je mobiele nummer is bevestigd/)).toBeInTheDocument();
    expect(api.calls.map((c) => c.operationName)).toEqual(['SendPhoneVerificationCode', 'ConfirmPhoneNumber', 'ConfirmPhoneNumber']);
  });

  it('signed out, the phone page sends the code and points to the profile to enter it', async () => {
    const user = userEvent.setup();
    renderWith(<VerifyPhonePanel token="phone-tok" signedIn={false} />, { handlers: { SendPhoneVerificationCode: () => ({ data: { sendPhoneVerificationCode: true } }) } });
    await user.click(screen.getByRole('button', { name: 'Stuur code' }));
    expect(await screen.findByText(/vul de code in op je profielpagina/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Bevestig met code')).toBeNull();
  });
});
