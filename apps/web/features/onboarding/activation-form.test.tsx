import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { ActivationForm } from './activation-form';

async function fillLetter(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Code uit de brief'), 'KR7P-9QXM-24HT');
  fireEvent.change(screen.getByLabelText('Geboortedatum'), { target: { value: '1990-05-17' } });
}

describe('ActivationForm', () => {
  it('activates for someone represented with a new login, through the server-side activation provider', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn().mockResolvedValue({ ok: true, error: null });
    const onDone = jest.fn();
    renderWith(<ActivationForm signedInAs={null} signIn={signIn} onDone={onDone} />);
    await fillLetter(user);
    await user.click(screen.getByLabelText('Voor iemand die ik vertegenwoordig'));
    await user.type(screen.getByLabelText('Voornaam'), 'Sanne');
    await user.type(screen.getByLabelText('Achternaam'), 'de Vries');
    await user.type(screen.getByLabelText('E-mailadres'), 'sanne@example.nl');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een lange zin als wachtwoord');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een lange zin als wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(signIn).toHaveBeenCalledWith('activation', {
      code: 'KR7P-9QXM-24HT',
      birthDate: '1990-05-17',
      forSelf: 'false',
      mode: 'new',
      firstName: 'Sanne',
      lastName: 'de Vries',
      email: 'sanne@example.nl',
      password: 'een lange zin als wachtwoord',
    });
  });

  it('does not say whether the code or the birth date was wrong, and tells that 5 tries void the code', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn().mockResolvedValue({ ok: false, error: 'CODE_OR_BIRTH_DATE_WRONG' });
    renderWith(<ActivationForm signedInAs="Sanne de Vries" signIn={signIn} onDone={jest.fn()} />);
    await fillLetter(user);
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De code of de geboortedatum klopt niet.');
    expect(alert).toHaveTextContent('Na 5 foute pogingen werkt de code niet meer.');
    // Signed in: the current login is used, no password asked.
    expect(signIn.mock.calls[0][1]).toMatchObject({ mode: 'current', forSelf: 'true' });
    expect(signIn.mock.calls[0][1]).not.toHaveProperty('password');
  });

  it('continues as "ik heb al een login" when the e-mail already has one', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn().mockResolvedValueOnce({ ok: false, error: 'LOGIN_NEEDED' }).mockResolvedValueOnce({ ok: true, error: null });
    const onDone = jest.fn();
    renderWith(<ActivationForm signedInAs={null} signIn={signIn} onDone={onDone} />);
    await fillLetter(user);
    await user.type(screen.getByLabelText('Voornaam'), 'Jeroen');
    await user.type(screen.getByLabelText('Achternaam'), 'Bakker');
    await user.type(screen.getByLabelText('E-mailadres'), 'jeroen@example.nl');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'nog een lange zin');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'nog een lange zin');
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Er is al een login met dit e-mailadres.');
    expect(screen.getByLabelText('Ik heb al een login')).toBeChecked();
    expect(screen.getByLabelText('E-mailadres')).toHaveValue('jeroen@example.nl');
    await user.type(screen.getByLabelText('Wachtwoord'), 'mijn wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(signIn.mock.calls[1][1]).toMatchObject({ mode: 'signin', email: 'jeroen@example.nl', password: 'mijn wachtwoord' });
  });

  it.each([
    ['TOO_SHORT', 'Kies een wachtwoord van minstens 8 tekens.'],
    ['TOO_COMMON', 'Dit wachtwoord is te bekend of uitgelekt.'],
    ['LETTER_EXPIRED', 'Deze code is verlopen.'],
    ['TOO_MANY_TRIES', 'Te veel pogingen.'],
  ])('translates %s', async (word, text) => {
    const user = userEvent.setup();
    renderWith(<ActivationForm signedInAs="Sanne" signIn={jest.fn().mockResolvedValue({ ok: false, error: word })} onDone={jest.fn()} />);
    await fillLetter(user);
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
  });

  it('checks the two passwords before anything is sent', async () => {
    const user = userEvent.setup();
    const signIn = jest.fn();
    renderWith(<ActivationForm signedInAs={null} signIn={signIn} onDone={jest.fn()} />);
    await fillLetter(user);
    await user.type(screen.getByLabelText('Voornaam'), 'A');
    await user.type(screen.getByLabelText('Achternaam'), 'B');
    await user.type(screen.getByLabelText('E-mailadres'), 'a@b.nl');
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'een lange zin hier');
    await user.type(screen.getByLabelText('Herhaal het nieuwe wachtwoord'), 'een andere zin hier');
    await user.click(screen.getByRole('button', { name: 'Account activeren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('De twee nieuwe wachtwoorden zijn niet gelijk.');
    expect(signIn).not.toHaveBeenCalled();
  });
});
