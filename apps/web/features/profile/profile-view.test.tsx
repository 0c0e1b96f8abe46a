import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith, type GqlReply } from '@/test/render';
import { ProfileView } from './profile-view';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh, push: jest.fn() }), usePathname: () => '/profiel' }));

const user0 = {
  __typename: 'User',
  id: 'user-sanne',
  firstName: 'Sanne',
  lastName: 'de Vries',
  email: 'sanne@example.nl',
  emailVerified: true,
  pendingEmail: 'sanne.nieuw@example.nl',
  phone: { __typename: 'PhoneNumber', masked: '+31 6 ••• •• 78', verified: false, hidden: false },
  avatarUrl: null,
  locale: 'nl',
};

const profile = (user = user0): GqlReply => ({
  data: {
    viewer: {
      __typename: 'Viewer',
      user,
      accounts: [
        { __typename: 'AccountAccess', own: true, level: 'MANAGER', account: { __typename: 'Account', id: 'acc-sanne', displayName: 'Sanne de Vries', avatarUrl: null } },
        { __typename: 'AccountAccess', own: false, level: 'BASIC', account: { __typename: 'Account', id: 'acc-opa', displayName: 'Opa Henk', avatarUrl: null } },
      ],
    },
  },
});

const handlers = {
  Profile: () => profile(),
  MySessions: () => ({
    data: {
      viewer: {
        __typename: 'Viewer',
        sessions: [
          { __typename: 'SessionInfo', id: 's1', current: true, createdAt: '2026-12-04T07:00:00.000Z', lastSeenAt: '2026-12-04T08:00:00.000Z', device: 'Firefox op Linux' },
          { __typename: 'SessionInfo', id: 's2', current: false, createdAt: '2026-12-01T07:00:00.000Z', lastSeenAt: '2026-12-02T08:00:00.000Z', device: 'Safari op iPhone' },
        ],
      },
    },
  }),
  MySecurityLog: () => ({
    data: {
      viewer: {
        __typename: 'Viewer',
        securityLog: {
          __typename: 'SecurityEventPage',
          nodes: [
            { __typename: 'SecurityEvent', id: 'e1', at: '2026-12-04T07:00:00.000Z', action: 'SIGNED_IN', device: 'Firefox op Linux' },
            { __typename: 'SecurityEvent', id: 'e2', at: '2026-12-03T07:00:00.000Z', action: 'PHONE_CHANGED', device: null },
          ],
          nextCursor: null,
        },
      },
    },
  }),
};

describe('Profile', () => {
  beforeEach(() => refresh.mockClear());

  it('changes the name and refreshes the shell', async () => {
    const user = userEvent.setup();
    let current = user0;
    const { api } = renderWith(<ProfileView upload={jest.fn()} />, {
      handlers: {
        ...handlers,
        Profile: () => profile(current),
        UpdateProfile: (v) => {
          current = { ...user0, ...(v.input as object) };
          return { data: { updateProfile: current } };
        },
      },
    });
    const first = await screen.findByLabelText('Voornaam');
    await user.clear(first);
    await user.type(first, 'Sanna');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(api.calls.find((c) => c.operationName === 'UpdateProfile')?.variables).toEqual({ input: { firstName: 'Sanna', lastName: 'de Vries', locale: 'nl' } });
    // The profile is asked again (the shell too); the confirmation stays while it arrives.
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'Profile')).toHaveLength(2));
    await waitFor(() => expect(screen.getByLabelText('Voornaam')).toHaveValue('Sanna'));
    expect(screen.getByText('Opgeslagen.')).toBeInTheDocument();
  });

  it('shows the pending e-mail address until it is confirmed', async () => {
    renderWith(<ProfileView upload={jest.fn()} />, { handlers });
    expect(await screen.findByText(/Nieuw adres sanne.nieuw@example.nl wacht op bevestiging/)).toBeInTheDocument();
    expect(screen.getByText('Je e-mailadres is sanne@example.nl.')).toBeInTheDocument();
  });

  it('asks the current password once and the new one twice', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ProfileView upload={jest.fn()} />, { handlers: { ...handlers, ChangePassword: () => ({ data: { changePassword: true } }) } });
    const section = within((await screen.findByRole('heading', { name: 'Wachtwoord wijzigen' })).closest('section')!);
    await user.type(section.getByLabelText('Huidige wachtwoord'), 'oud wachtwoord');
    await user.type(section.getByLabelText('Nieuw wachtwoord'), 'nieuw lang wachtwoord');
    await user.type(section.getByLabelText('Herhaal het nieuwe wachtwoord'), 'nieuw lang wachtwoordX');
    await user.click(section.getByRole('button', { name: 'Bevestigen' }));
    expect(section.getByRole('alert')).toHaveTextContent('De twee nieuwe wachtwoorden zijn niet gelijk.');
    expect(api.calls.some((c) => c.operationName === 'ChangePassword')).toBe(false);
    await user.type(section.getByLabelText('Herhaal het nieuwe wachtwoord'), '{Backspace}');
    await user.click(section.getByRole('button', { name: 'Bevestigen' }));
    expect(await section.findByText('Je wachtwoord is gewijzigd.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'ChangePassword')?.variables).toEqual({
      currentPassword: 'oud wachtwoord',
      newPassword: 'nieuw lang wachtwoord',
      newPasswordRepeat: 'nieuw lang wachtwoord',
    });
   }, 20_000);

  it('shows the phone status and the code field while it waits for confirmation; hides it from connections', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ProfileView upload={jest.fn()} />, {
      handlers: { ...handlers, SetPhoneHidden: (v) => ({ data: { setPhoneHidden: { ...user0.phone, hidden: v.hidden } } }) },
    });
    expect(await screen.findByText('nog niet bevestigd')).toBeInTheDocument();
    expect(screen.getByLabelText('Bevestig met code')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Verberg mijn nummer voor mijn connecties'));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'SetPhoneHidden')?.variables).toEqual({ hidden: true }));
  });

  it('lists sessions with this device marked, ends another one', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ProfileView upload={jest.fn()} />, { handlers: { ...handlers, EndSession: () => ({ data: { endSession: true } }) } });
    const section = (await screen.findByRole('heading', { name: 'Waar je bent ingelogd' })).closest('section')!;
    await within(section).findByText('Safari op iPhone');
    expect(within(section).getByText('Dit apparaat')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Uitloggen' }));
    await user.click(within(section).getAllByRole('button', { name: 'Uitloggen' })[0]);
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'EndSession')?.variables).toEqual({ sessionId: 's2' }));
  });

  it('translates the personal security log', async () => {
    renderWith(<ProfileView upload={jest.fn()} />, { handlers });
    expect(await screen.findByText('Ingelogd')).toBeInTheDocument();
    expect(screen.getByText('Mobiel nummer gewijzigd')).toBeInTheDocument();
  });

  it('uploads a picture through the web server and refuses other file types', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const upload = jest.fn().mockResolvedValue({ ok: true, status: 200 });
    renderWith(<ProfileView upload={upload} />, { handlers });
    const input = await screen.findByLabelText('Kies een foto');
    await user.upload(input, new File(['x'], 'a.gif', { type: 'image/gif' }));
    await user.click(screen.getByRole('button', { name: 'Foto opslaan' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies een JPEG-, PNG- of WebP-foto.');
    expect(upload).not.toHaveBeenCalled();
    await user.upload(input, new File(['x'], 'a.png', { type: 'image/png' }));
    await user.click(screen.getByRole('button', { name: 'Foto opslaan' }));
    expect(await screen.findByText('Je profielfoto is opgeslagen.')).toBeInTheDocument();
    expect(upload).toHaveBeenCalledTimes(1);
  });

  it('lets a helper leave a circle after confirming', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ProfileView upload={jest.fn()} />, { handlers: { ...handlers, LeaveAccount: () => ({ data: { leaveAccount: true } }) } });
    const section = (await screen.findByRole('heading', { name: 'Kringen waarin je helpt' })).closest('section')!;
    expect(within(section).getByText('Opa Henk')).toBeInTheDocument();
    expect(within(section).queryByText('Sanne de Vries')).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Deze kring verlaten' }));
    await user.click(within(section).getByRole('button', { name: 'Verlaten' }));
    expect(await within(section).findByText('Je hebt de kring van Opa Henk verlaten.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'LeaveAccount')?.variables).toEqual({ accountId: 'acc-opa' });
  });
});
