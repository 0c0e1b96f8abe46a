import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith, type GqlReply } from '@/test/render';
import { ConnectionsView } from './connections-view';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh, push: jest.fn() }), usePathname: () => '/connecties' }));

const person = (id: string, name: string) => ({ __typename: 'Person', id, name, avatarUrl: null });
const circle = (): GqlReply => ({
  data: {
    account: {
      __typename: 'Account',
      id: 'acc-sanne',
      connections: [
        { __typename: 'Connection', id: 'c-jeroen', level: 'TRUST', since: '2026-01-10T10:00:00.000Z', person: person('u-jeroen', 'Jeroen Bakker') },
        { __typename: 'Connection', id: 'c-sanne', level: 'MANAGER', since: '2026-01-01T10:00:00.000Z', person: person('user-sanne', 'Sanne de Vries') },
        { __typename: 'Connection', id: 'c-fatima', level: 'BASIC', since: '2026-02-10T10:00:00.000Z', person: person('u-fatima', 'Fatima El Amrani') },
      ],
      invitations: [
        { __typename: 'Invitation', id: 'i1', firstName: 'Lotte', lastName: 'Jansen', email: 'lotte@example.nl', level: 'BASIC', status: 'PENDING', sentAt: '2026-12-01T10:00:00.000Z', expiresAt: '2026-12-08T10:00:00.000Z' },
        { __typename: 'Invitation', id: 'i2', firstName: 'Kees', lastName: 'Smit', email: 'kees@example.nl', level: 'TRUST', status: 'EXPIRED', sentAt: '2026-10-01T10:00:00.000Z', expiresAt: '2026-10-08T10:00:00.000Z' },
      ],
      providers: [
        { __typename: 'ProviderLink', id: 'pl1', linkedAt: '2026-01-01T10:00:00.000Z', provider: { __typename: 'Provider', id: 'p1', name: 'GGZ Voorbeeld', contactPhone: '010 123 4567', contactEmail: 'secretariaat@ggz.example' } },
      ],
    },
  },
});
const stepUpRequired: GqlReply = {
  data: { account: { __typename: 'Account', id: 'acc-sanne', connections: null, invitations: null, providers: null } },
  errors: ['connections', 'invitations', 'providers'].map((f) => ({ message: 'x', path: ['account', f], extensions: { code: 'STEP_UP_REQUIRED' } })),
};

describe('Connections', () => {
  it('asks for the SMS step-up first, then shows the circle', async () => {
    let verified = false;
    const user = userEvent.setup();
    renderWith(<ConnectionsView />, {
      handlers: {
        Circle: () => (verified ? circle() : stepUpRequired),
        RequestStepUpCode: () => ({ data: { requestStepUpCode: { __typename: 'StepUpChallenge', sentTo: '+31 6 ••• •• 78', expiresAt: '2026-12-04T09:10:00.000Z' } } }),
        VerifyStepUpCode: () => {
          verified = true;
          return { data: { verifyStepUpCode: { __typename: 'Viewer', stepUpValidUntil: '2026-12-04T09:15:00.000Z' } } };
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Stuur sms-code' }));
    await user.type(await screen.findByLabelText('Code uit de sms'), '123456');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('Jeroen Bakker', { selector: 'strong' })).toBeInTheDocument();
  });

  it('a BASIC helper is told it is not for them and never asked for a code; they can leave', () => {
    const { api } = renderWith(<ConnectionsView />, { account: account('BASIC') });
    expect(screen.getByText(/Je helpt Sanne de Vries met basisrechten/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Deze kring verlaten' })).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('lists connections with level and since; the manager has no controls', async () => {
    renderWith(<ConnectionsView />, { handlers: { Circle: circle } });
    const list = within((await screen.findByRole('heading', { name: 'Connecties', level: 2 })).closest('section')!);
    const rows = list.getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Sanne de Vries');
    expect(rows[0]).toHaveTextContent('beheerder');
    expect(within(rows[0]).queryByRole('button')).toBeNull();
    expect(list.getByText('Jeroen Bakker', { selector: 'strong' }).closest('li')).toHaveTextContent('vertrouwensgroep');
    expect(list.getByText('Jeroen Bakker', { selector: 'strong' }).closest('li')).toHaveTextContent('sinds 10 januari 2026');
  });

  it('changes rights with the "rechten" control', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ConnectionsView />, {
      handlers: {
        Circle: circle,
        SetConnectionLevel: (v) => ({ data: { setConnectionLevel: { __typename: 'Connection', id: v.connectionId, level: v.level, since: '2026-02-10T10:00:00.000Z', person: person('u-fatima', 'Fatima El Amrani') } } }),
      },
    });
    const row = within((await screen.findByText('Fatima El Amrani', { selector: 'strong' })).closest('li')!);
    await user.click(row.getByRole('button', { name: /rechten/ }));
    const group = row.getByRole('group', { name: 'Rechten van Fatima El Amrani' });
    expect(within(group).getAllByRole('radio').map((r) => r.nextSibling?.textContent)).toEqual(['vertrouwensgroep', 'basisrechten', 'geen rechten']);
    await user.click(within(group).getByLabelText('geen rechten'));
    await user.click(row.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('De rechten van Fatima El Amrani zijn gewijzigd.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'SetConnectionLevel')?.variables).toEqual({ connectionId: 'c-fatima', level: 'NONE' });
  });

  it('removes a connection only after confirming', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ConnectionsView />, { handlers: { Circle: circle, RemoveConnection: () => ({ data: { removeConnection: true } }) } });
    const row = within((await screen.findByText('Jeroen Bakker', { selector: 'strong' })).closest('li')!);
    await user.click(row.getByRole('button', { name: 'verwijderen' }));
    expect(api.calls.some((c) => c.operationName === 'RemoveConnection')).toBe(false);
    await user.click(row.getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'RemoveConnection')?.variables).toEqual({ connectionId: 'c-jeroen' }));
  });

  it('invites a helper with first name, last name, e-mail and level', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ConnectionsView />, {
      handlers: {
        Circle: circle,
        InviteHelper: (v) => ({ data: { inviteHelper: { __typename: 'Invitation', id: 'i3', ...(v.input as object), status: 'PENDING', sentAt: '2026-12-04T08:00:00.000Z', expiresAt: '2026-12-11T08:00:00.000Z' } } }),
      },
    });
    const form = within((await screen.findByRole('heading', { name: 'Nodig helpende uit' })).closest('section')!);
    await user.type(form.getByLabelText('Voornaam'), 'Lotte');
    await user.type(form.getByLabelText('Achternaam'), 'Jansen');
    await user.type(form.getByLabelText('E-mailadres'), 'lotte@example.nl');
    expect(form.queryByLabelText('geen rechten')).toBeNull();
    await user.click(form.getByLabelText('vertrouwensgroep'));
    await user.click(form.getByRole('button', { name: 'Uitnodiging versturen' }));
    expect(await screen.findByText('De uitnodiging is verstuurd naar lotte@example.nl.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'InviteHelper')?.variables).toEqual({
      accountId: 'acc-sanne',
      input: { firstName: 'Lotte', lastName: 'Jansen', email: 'lotte@example.nl', level: 'TRUST' },
    });
  });

  it('shows invitation status; pending ones can be resent or revoked', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ConnectionsView />, { handlers: { Circle: circle, RevokeInvitation: () => ({ data: { revokeInvitation: true } }) } });
    const lotte = within((await screen.findByText('Lotte Jansen', { selector: 'strong' })).closest('li')!);
    expect(lotte.getByText('Openstaand')).toBeInTheDocument();
    expect(lotte.getByRole('button', { name: 'opnieuw versturen Lotte Jansen' })).toBeInTheDocument();
    const kees = within(screen.getByText('Kees Smit', { selector: 'strong' }).closest('li')!);
    expect(kees.getByText('Verlopen')).toBeInTheDocument();
    expect(kees.queryByRole('button')).toBeNull();
    await user.click(lotte.getByRole('button', { name: 'intrekken' }));
    await user.click(lotte.getByRole('button', { name: 'Intrekken' }));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'RevokeInvitation')?.variables).toEqual({ invitationId: 'i1' }));
  });

  it('links another care provider with the letter code and birth date; translates a wrong code', async () => {
    const user = userEvent.setup();
    renderWith(<ConnectionsView />, {
      handlers: { Circle: circle, LinkProvider: () => ({ data: null, errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'CODE_OR_BIRTH_DATE_WRONG' } }] }) },
    });
    const section = within((await screen.findByRole('heading', { name: 'Zorgaanbieders' })).closest('section')!);
    expect(section.getByText('GGZ Voorbeeld')).toBeInTheDocument();
    expect(section.getByRole('link', { name: '010 123 4567' })).toHaveAttribute('href', 'tel:0101234567');
    await user.click(section.getByRole('button', { name: 'brief met code' }));
    await user.type(section.getByLabelText('Code uit de brief'), 'ABCD-EFGH');
    const birth = section.getByLabelText('Geboortedatum');
    await user.type(birth, '1990-05-17');
    await user.click(section.getByRole('button', { name: 'Zorgaanbieder koppelen' }));
    expect(await section.findByRole('alert')).toHaveTextContent('De code of de geboortedatum klopt niet.');
  });

  it('deactivates the account only after two confirmations', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<ConnectionsView />, { handlers: { Circle: circle, DeactivateAccount: () => ({ data: { deactivateAccount: true } }) } });
    const section = within((await screen.findByRole('heading', { name: 'Account ontkoppelen' })).closest('section')!);
    expect(section.getByText(/nog 30 dagen lezen en bewaren/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Account ontkoppelen…' }));
    await user.click(section.getByRole('button', { name: 'Ja, ga verder' }));
    expect(api.calls.some((c) => c.operationName === 'DeactivateAccount')).toBe(false);
    expect(section.getByText(/dit kun je niet ongedaan maken/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Definitief ontkoppelen' }));
    expect(await section.findByText('Het account is ontkoppeld.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.operationName === 'DeactivateAccount')?.variables).toEqual({ accountId: 'acc-sanne' });
  });
});
