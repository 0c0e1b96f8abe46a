import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith, type Handler } from '@/test/render';
import { CalendarView } from './calendar-view';

const person = (id: string, name: string) => ({ __typename: 'Person', id, name, avatarUrl: null });
const appt = (over: Record<string, unknown> = {}) => ({
  __typename: 'Appointment',
  id: 'a-tennis',
  source: 'PRIVATE',
  title: 'Tennis',
  start: '2022-01-05T09:00:00.000Z',
  durationMinutes: 60,
  location: 'Sportpark',
  description: null,
  recurrence: { __typename: 'Recurrence', frequency: 'WEEKLY', interval: 1, untilDate: null, count: null, rrule: 'FREQ=WEEKLY;INTERVAL=1' },
  helpers: [person('user-jeroen', 'Jeroen de Vries')],
  practitionerName: null,
  provider: null,
  videoUrl: null,
  cancelled: false,
  canEdit: true,
  ...over,
});
const occ = (start: string, a = appt(), originalStart = start) => ({
  __typename: 'Occurrence',
  start,
  end: new Date(new Date(start).getTime() + 3600_000).toISOString(),
  originalStart,
  account: { __typename: 'Account', id: 'acc-sanne', displayName: 'Sanne de Vries', avatarUrl: null, timeZone: 'Europe/Amsterdam' },
  appointment: a,
});
const provider = appt({
  id: 'a-ggz',
  source: 'PROVIDER',
  title: 'Gesprek met behandelaar',
  recurrence: null,
  helpers: [],
  practitionerName: 'Dr. Bakker',
  provider: { __typename: 'Provider', id: 'p1', name: 'GGZ Voorbeeld' },
  canEdit: false,
});

function handlers(over: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    AccountCalendar: () => ({
      data: {
        account: {
          __typename: 'Account',
          id: 'acc-sanne',
          calendar: [occ('2022-03-30T08:00:00.000Z'), occ('2022-03-23T09:00:00.000Z'), occ('2022-03-24T13:00:00.000Z', provider)],
        },
      },
    }),
    CalendarMembers: () => ({
      data: { account: { __typename: 'Account', id: 'acc-sanne', members: [person('user-sanne', 'Sanne de Vries'), person('user-jeroen', 'Jeroen de Vries')] } },
    }),
    CalendarFeedUrl: () => ({ data: { viewer: { __typename: 'Viewer', calendarFeedUrl: null } } }),
    CreateAppointment: () => ({ data: { createAppointment: appt({ id: 'new' }) } }),
    UpdateAppointment: () => ({ data: { updateAppointment: appt() } }),
    DeleteAppointment: () => ({ data: { deleteAppointment: true } }),
    ...over,
  };
}

describe('Kalender', () => {
  it('asks for the month around today in the account zone and marks today', async () => {
    const { api } = renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers() });
    await screen.findAllByText('Tennis');
    const call = api.calls.find((c) => c.operationName === 'AccountCalendar')!;
    expect(call.variables).toMatchObject({ accountId: 'acc-sanne', from: '2022-02-27T23:00:00.000Z', to: '2022-04-03T22:00:00.000Z' });
    const today = screen.getAllByRole('button', { current: 'date' } as never)[0] ?? document.querySelector('[aria-current="date"]');
    expect(today).toHaveTextContent('30');
  });

  it('shows tennis at 10:00 local time on both sides of the clock change', async () => {
    renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers() });
    await screen.findAllByText('Tennis');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Agenda' }));
    const items = screen.getAllByRole('button', { name: /Tennis/ });
    expect(items.map((b) => b.textContent)).toEqual(['10:00 Tennis', '10:00 Tennis']);
  });

  it('shows a provider appointment read-only with the practitioner', async () => {
    const user = userEvent.setup();
    renderWith(<CalendarView today="2022-03-24" />, { handlers: handlers() });
    await user.click((await screen.findAllByRole('button', { name: /Gesprek met behandelaar/ }))[0]!);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Dr. Bakker');
    expect(dialog).toHaveTextContent('je kunt zelf geen afspraken met behandelaren maken of wijzigen'.replace(/^j/, 'J'));
    expect(within(dialog).queryByRole('button', { name: 'Wijzigen' })).not.toBeInTheDocument();
  });

  it('adds a weekly appointment with a helper, sending the wall-clock time as an instant', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<CalendarView today="2022-01-05" />, { handlers: handlers() });
    await user.click(screen.getByRole('button', { name: 'Afspraak toevoegen' }));
    await user.type(await screen.findByLabelText('Waar gaat dit over?'), 'Tennis');
    await user.click(screen.getByLabelText('Herhalende afspraak'));
    await user.click(await screen.findByLabelText('Jeroen de Vries'));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(api.calls.map((c) => c.operationName)).toContain('CreateAppointment'));
    const input = api.calls.find((c) => c.operationName === 'CreateAppointment')!.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      title: 'Tennis',
      start: '2022-01-05T09:00:00.000Z',
      durationMinutes: 60,
      recurrence: { frequency: 'WEEKLY', interval: 1, untilDate: null, count: null },
      helperIds: ['user-jeroen'],
    });
    expect(await screen.findByText('De afspraak is opgeslagen.')).toBeInTheDocument();
  });

  it('asks which occurrences a change of a series is for, and sends that occurrence', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers() });
    await user.click(screen.getByRole('button', { name: 'Agenda' }));
    await user.click((await screen.findAllByRole('button', { name: /Tennis/ }))[1]!);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Verwijderen' }));
    await user.click(screen.getByRole('button', { name: 'Alleen deze keer' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(api.calls.map((c) => c.operationName)).toContain('DeleteAppointment'));
    expect(api.calls.find((c) => c.operationName === 'DeleteAppointment')!.variables).toEqual({
      id: 'a-tennis',
      scope: 'THIS_OCCURRENCE',
      occurrenceStart: '2022-03-30T08:00:00.000Z',
    });
  });

  it('offers no adding without EDIT_CALENDAR and nothing without VIEW_CALENDAR', () => {
    const { api } = renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers(), account: account('NONE', { own: false }) });
    expect(screen.getByText(/kunt de kalender van Sanne de Vries niet bekijken/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afspraak toevoegen' })).not.toBeInTheDocument();
    expect(api.calls.map((c) => c.operationName)).not.toContain('AccountCalendar');
  });

  it('offers the combined agenda only to someone who sees more than one calendar', async () => {
    // The viewer's accounts come with the shell (AccountProvider), as the signed-in layout loaded them.
    const accounts = (n: number) => Array.from({ length: n }, (_, i) => account(i === 0 ? 'MANAGER' : 'BASIC', { id: `acc-${i}`, own: i === 0 }));
    const one = renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers(), accounts: accounts(1) });
    await screen.findAllByText('Tennis');
    expect(screen.queryByLabelText('Toon de afspraken van iedereen die ik help')).not.toBeInTheDocument();
    one.unmount();
    const two = renderWith(<CalendarView today="2022-03-30" />, { handlers: handlers(), accounts: accounts(2) });
    expect(await screen.findByLabelText('Toon de afspraken van iedereen die ik help')).toBeInTheDocument();
    expect(two.api.calls.map((c) => c.operationName)).not.toContain('CalendarAccounts');
  });

  // The window the page opens with for today 2022-03-30 in Europe/Amsterdam (month view, whole weeks).
  const MARCH = { accountId: 'acc-sanne', from: '2022-02-27T23:00:00.000Z', to: '2022-04-03T22:00:00.000Z' };
  const served = () => ({ mode: 'month' as const, variables: MARCH, data: handlers().AccountCalendar!({}).data as never });

  it('shows the appointments the server fetched at once, without asking the API, and asks for the next month as before', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<CalendarView today="2022-03-30" initial={served()} />, { handlers: handlers() });
    // At the first render, not after a request.
    expect(screen.getAllByRole('button', { name: /Tennis/ }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: /Gesprek met behandelaar/ }).length).toBeGreaterThan(0);
    expect(api.calls.map((c) => c.operationName)).not.toContain('AccountCalendar');
    await user.click(screen.getByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'AccountCalendar')).toHaveLength(1));
    expect(api.calls.find((c) => c.operationName === 'AccountCalendar')!.variables).toMatchObject({
      accountId: 'acc-sanne',
      from: '2022-03-27T22:00:00.000Z',
    });
    // Back to March: from the cache, as when the browser had fetched it.
    await user.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(await screen.findAllByRole('button', { name: /Tennis/ })).not.toHaveLength(0);
    expect(api.calls.filter((c) => c.operationName === 'AccountCalendar')).toHaveLength(1);
  });

  it('refetches the served window after an edit', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<CalendarView today="2022-03-30" initial={served()} />, { handlers: handlers() });
    await user.click(screen.getByRole('button', { name: 'Agenda' }));
    await user.click(screen.getByRole('button', { name: 'Maand' }));
    await user.click(screen.getAllByRole('button', { name: /Tennis/ })[0]!);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Verwijderen' }));
    await user.click(screen.getByRole('button', { name: 'Alleen deze keer' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(api.calls.filter((c) => c.operationName === 'AccountCalendar').map((c) => c.variables)).toContainEqual(MARCH));
  });

  it('asks from the browser when the server had nothing, or fetched another window, account or mode', async () => {
    const cases = [
      { today: '2022-03-30', initial: null },
      // The server's "today" was already April (midnight passed between server and browser).
      { today: '2022-03-30', initial: { ...served(), variables: { ...MARCH, from: '2022-03-27T22:00:00.000Z', to: '2022-05-01T22:00:00.000Z' } } },
      { today: '2022-03-30', initial: { ...served(), variables: { ...MARCH, accountId: 'acc-other' } } },
      { today: '2022-03-30', initial: { ...served(), mode: 'week' as const } },
    ];
    for (const c of cases) {
      const { api, unmount } = renderWith(<CalendarView today={c.today} initial={c.initial} />, { handlers: handlers() });
      expect(screen.queryAllByRole('button', { name: /Tennis/ })).toHaveLength(0);
      await screen.findAllByRole('button', { name: /Tennis/ });
      expect(api.calls.filter((c) => c.operationName === 'AccountCalendar').map((c) => c.variables)).toEqual([MARCH]);
      unmount();
    }
  });

  it('keeps what the session already has when the page comes back with older server data', async () => {
    const { api, rerender } = renderWith(<CalendarView key="first" today="2022-03-30" />, { handlers: handlers() });
    await screen.findAllByRole('button', { name: /Tennis/ });
    // As from the router's cache on "back": the server's answer of an earlier visit, without Tennis.
    const older = { ...served(), data: { account: { __typename: 'Account', id: 'acc-sanne', calendar: [] } } as never };
    rerender(<CalendarView key="again" today="2022-03-30" initial={older} />);
    expect(screen.getAllByRole('button', { name: /Tennis/ }).length).toBeGreaterThan(0);
    expect(api.calls.filter((c) => c.operationName === 'AccountCalendar')).toHaveLength(1);
  });
});
