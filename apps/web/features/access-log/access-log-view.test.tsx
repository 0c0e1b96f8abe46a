import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith } from '@/test/render';
import { AccessLogView, nextDay, startOfDay } from './access-log-view';

const entry = (id: string, action: string, actorName: string, at: string, detail: string | null = null) => ({ __typename: 'AccessLogEntry', id, action, actorName, at, detail });
const page = (nodes: unknown[], nextCursor: string | null) => ({
  data: { account: { __typename: 'Account', id: 'acc-sanne', accessLog: { __typename: 'AccessLogPage', nodes, nextCursor } } },
});

describe('Access log', () => {
  it('translates actions into plain words, and pages on', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<AccessLogView />, {
      handlers: {
        AccessLog: (v) =>
          v.after
            ? page([entry('e3', 'PROVIDER_LINKED', 'GGZ Voorbeeld', '2026-11-01T10:00:00.000Z')], null)
            : page(
                [
                  entry('e1', 'CONNECTIONS_OPENED', 'Sanne de Vries', '2026-12-03T10:00:00.000Z'),
                  entry('e2', 'LEVEL_CHANGED', 'Sanne de Vries', '2026-12-02T10:00:00.000Z', 'Fatima El Amrani: BASIC → NONE'),
                  entry('e4', 'SOMETHING_NEW', 'Jeroen Bakker', '2026-12-01T10:00:00.000Z'),
                ],
                'cursor-1',
              ),
      },
    });
    expect(await screen.findByText('heeft de connecties bekeken')).toBeInTheDocument();
    expect(screen.getByText('heeft rechten gewijzigd')).toBeInTheDocument();
    expect(screen.getByText('Fatima El Amrani: basisrechten → geen rechten')).toBeInTheDocument();
    expect(screen.getByText('deed: something new')).toBeInTheDocument();
    expect(screen.getByText('3 dec 2026, 11:00')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(await screen.findByText('heeft een zorgaanbieder gekoppeld')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(5);
    expect(api.calls[1]?.variables).toMatchObject({ after: 'cursor-1' });
  });

  it('filters by period, whole days in the account zone', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<AccessLogView />, { handlers: { AccessLog: () => page([], null) } });
    expect(await screen.findByText('Niets gevonden in deze periode.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '2026-11-30' } });
    await user.click(screen.getByRole('button', { name: 'Toon' }));
    await waitFor(() =>
      expect(api.calls.at(-1)?.variables).toMatchObject({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z' }),
    );
  });

  it('refuses a period that ends before it starts', async () => {
    const user = userEvent.setup();
    renderWith(<AccessLogView />, { handlers: { AccessLog: () => page([], null) } });
    await screen.findByText('Niets gevonden in deze periode.');
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Toon' }));
    expect(screen.getByRole('alert')).toHaveTextContent('De begindatum ligt na de einddatum.');
  });

  it('is not for a TRUST helper, who is never asked for a code', () => {
    const { api } = renderWith(<AccessLogView />, { account: account('TRUST') });
    expect(screen.getByText('Niet voor jou')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('finds midnight in the zone across daylight saving', () => {
    expect(startOfDay('2026-07-01', 'Europe/Amsterdam')).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDay('2026-03-29', 'Europe/Amsterdam')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-10-25', 'Europe/Amsterdam')).toBe('2026-10-24T22:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
