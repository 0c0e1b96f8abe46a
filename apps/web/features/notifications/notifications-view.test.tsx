import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RIGHTS, renderWith } from '@/test/render';
import { NotificationsView } from './notifications-view';

const prefs = (over = {}) => ({ __typename: 'NotificationPreferences', appointmentStarting: true, appointmentLeadMinutes: 60, newMessage: true, carePlanChanged: true, ...over });
const access = (id: string, name: string, level: keyof typeof RIGHTS, own: boolean) => ({
  __typename: 'AccountAccess',
  own,
  level,
  account: { __typename: 'Account', id, displayName: name, avatarUrl: null, myRights: RIGHTS[level], notificationPreferences: prefs() },
});

const data = () => ({
  data: {
    viewer: {
      __typename: 'Viewer',
      accounts: [access('acc-opa', 'Opa Henk', 'BASIC', false), access('acc-sanne', 'Sanne de Vries', 'MANAGER', true), access('acc-x', 'Kees Smit', 'NONE', false)],
    },
  },
});

describe('Notifications', () => {
  it('shows the own account first, and only what each level may see', async () => {
    renderWith(<NotificationsView />, { handlers: { NotificationPreferences: data } });
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual(['Je eigen account', 'Account van Opa Henk', 'Account van Kees Smit']);
    const own = within(screen.getByRole('heading', { name: 'Je eigen account' }).closest('section')!);
    expect(own.getByLabelText('Het zorgplan is gewijzigd')).toBeChecked();
    const opa = within(screen.getByRole('heading', { name: 'Account van Opa Henk' }).closest('section')!);
    expect(opa.getByLabelText('Er is een nieuw bericht')).toBeInTheDocument();
    // A BASIC helper may not see the dossier: no care-plan e-mails offered.
    expect(opa.queryByLabelText('Het zorgplan is gewijzigd')).toBeNull();
    const kees = within(screen.getByRole('heading', { name: 'Account van Kees Smit' }).closest('section')!);
    expect(kees.getByText(/je krijgt er ook geen e-mails over/)).toBeInTheDocument();
    expect(kees.queryByRole('checkbox')).toBeNull();
  });

  it('saves a toggle and a lead time for that account', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<NotificationsView />, {
      handlers: {
        NotificationPreferences: data,
        UpdateNotificationPreferences: (v) => ({ data: { updateNotificationPreferences: prefs(v.input as object) } }),
      },
    });
    const opa = within((await screen.findByRole('heading', { name: 'Account van Opa Henk' })).closest('section')!);
    await user.click(opa.getByLabelText('Er is een nieuw bericht'));
    expect(await opa.findByText('Je keuze voor Opa Henk is opgeslagen.')).toBeInTheDocument();
    expect(opa.getByLabelText('Er is een nieuw bericht')).not.toBeChecked();
    const lead = opa.getByLabelText('Hoe lang van tevoren?');
    expect(within(lead).getAllByRole('option').map((o) => o.textContent)).toEqual(['15 minuten', '30 minuten', '1 uur', '2 uur', '1 dag']);
    await user.selectOptions(lead, '1440');
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'UpdateNotificationPreferences').map((c) => c.variables)).toEqual([
      { accountId: 'acc-opa', input: { newMessage: false } },
      { accountId: 'acc-opa', input: { appointmentLeadMinutes: 1440 } },
    ]));
  });
});
