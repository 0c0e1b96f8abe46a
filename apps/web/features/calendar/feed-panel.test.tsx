import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWith } from '@/test/render';
import { FeedPanel } from './feed-panel';

const feed = (url: string | null) => () => ({ data: { viewer: { __typename: 'Viewer', calendarFeedUrl: url } } });

describe('Calendar feed panel', () => {
  it('asks for the address only when opened, and offers no button before it is known', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<FeedPanel />, { handlers: { CalendarFeedUrl: feed('https://api.example/ical/geheim.ics') } });
    expect(api.calls).toHaveLength(0);
    await user.click(screen.getByText('Agenda op je telefoon of computer'));
    await screen.findByText('https://api.example/ical/geheim.ics');
    expect(api.calls.map((c) => c.operationName)).toEqual(['CalendarFeedUrl']);
  });

  it('offers to make an address when there is none', async () => {
    const user = userEvent.setup();
    renderWith(<FeedPanel />, { handlers: { CalendarFeedUrl: feed(null) } });
    await user.click(screen.getByText('Agenda op je telefoon of computer'));
    expect(await screen.findByRole('button', { name: 'Maak een agenda-adres' })).toBeInTheDocument();
  });
});
