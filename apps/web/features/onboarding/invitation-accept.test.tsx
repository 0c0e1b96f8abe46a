import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { InvitationAccept } from './invitation-accept';

const invitation = {
  accountDisplayName: 'Sanne de Vries',
  invitedBy: 'Sanne de Vries',
  level: 'BASIC' as const,
  email: 'lotte@example.nl',
  expiresAt: '2026-12-11T08:00:00.000Z',
  token: 'tok-123',
};

describe('InvitationAccept', () => {
  it('says who invites you to whose circle, at which level, in plain words', () => {
    renderWith(<InvitationAccept invitation={invitation} signedInAs={null} signIn={jest.fn()} onDone={jest.fn()} />);
    expect(screen.getByText('Sanne de Vries vraagt je om te helpen en nodigt je uit in zijn of haar kring.')).toBeInTheDocument();
    expect(screen.getByText('Je krijgt: basisrechten')).toBeInTheDocument();
    expect(screen.getByText(/ziet de kalender, de berichten aan alle connecties en de notities/)).toBeInTheDocument();
    expect(screen.getByText(/De uitnodiging is voor lotte@example.nl en is geldig tot 11 december 2026/)).toBeInTheDocument();
  });

  it('names the circle when the inviter manages someone else\'s account', () => {
    renderWith(<InvitationAccept invitation={{ ...invitation, accountDisplayName: 'Tim de Vries', level: 'TRUST' }} signedInAs={null} signIn={jest.fn()} onDone={jest.fn()} />);
    expect(screen.getByText('Sanne de Vries nodigt je uit in de kring van Tim de Vries.')).toBeInTheDocument();
    expect(screen.getByText('Je krijgt: vertrouwensgroep')).toBeInTheDocument();
  });

  it('makes a new login bound to the invited address', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn().mockResolvedValue({ ok: true, error: null });
    const onDone = jest.fn();
    renderWith(<InvitationAccept invitation={invitation} signedInAs={null} signIn={signIn} onDone={onDone} />);
    expect(screen.getByLabelText('E-mailadres')).toHaveAttribute('readonly');
    await user.type(screen.getByLabelText('Voornaam'), 'Lotte');
    await user.type(screen.getByLabelText('Achternaam'), 'Jansen');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'zonnige dag aan zee');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'zonnige dag aan zee');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging aannemen' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(signIn).toHaveBeenCalledWith('invitation', {
      token: 'tok-123',
      mode: 'new',
      firstName: 'Lotte',
      lastName: 'Jansen',
      email: 'lotte@example.nl',
      password: 'zonnige dag aan zee',
    });
  });

  it('accepts with the current login when it is the invited address', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn().mockResolvedValue({ ok: true, error: null });
    renderWith(<InvitationAccept invitation={invitation} signedInAs={{ name: 'Lotte Jansen', email: 'Lotte@example.nl' }} signIn={signIn} onDone={jest.fn()} />);
    expect(screen.getByText(/Je bent ingelogd als Lotte Jansen/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Uitnodiging aannemen' }));
    await waitFor(() => expect(signIn).toHaveBeenCalledWith('invitation', { token: 'tok-123', mode: 'current' }));
  });

  it('explains an e-mail mismatch with the invited address', async () => {
    const user = userEvent.setup();
    renderWith(<InvitationAccept invitation={invitation} signedInAs={null} signIn={jest.fn().mockResolvedValue({ ok: false, error: 'EMAIL_MISMATCH' })} onDone={jest.fn()} />);
    await user.click(screen.getByLabelText('Ik heb al een login'));
    await user.clear(screen.getByLabelText('E-mailadres'));
    await user.type(screen.getByLabelText('E-mailadres'), 'ander@example.nl');
    await user.type(screen.getByLabelText('Wachtwoord'), 'geheim geheim');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging aannemen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze uitnodiging is voor een ander e-mailadres. Log in met lotte@example.nl');
  });

  it('declines after asking, through the API', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<InvitationAccept invitation={invitation} signedInAs={null} signIn={jest.fn()} onDone={jest.fn()} />, {
      handlers: { DeclineInvitation: () => ({ data: { declineInvitation: true } }) },
    });
    await user.click(screen.getByRole('button', { name: 'Afslaan' }));
    expect(screen.getByText(/Wil je deze uitnodiging afslaan\?/)).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Afslaan' })[0]);
    expect(await screen.findByText('Je hebt de uitnodiging afgeslagen.')).toBeInTheDocument();
    expect(api.calls).toEqual([{ operationName: 'DeclineInvitation', variables: { token: 'tok-123' } }]);
  });
});
