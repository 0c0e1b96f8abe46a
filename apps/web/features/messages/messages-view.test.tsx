import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith, type Handler } from '@/test/render';
import { MessagesView } from './messages-view';

const person = (id: string, name: string) => ({ __typename: 'Person', id, name, avatarUrl: null });
const msg = (id: string, authorId: string, name: string, body: string, audience = 'ALL_CONNECTIONS') => ({
  __typename: 'Message',
  id,
  audience,
  body,
  sentAt: '2026-12-03T09:00:00.000Z',
  author: person(authorId, name),
});
const page = (field: string, nodes: unknown[], nextCursor: string | null = null) => ({
  data: { account: { __typename: 'Account', id: 'acc-sanne', [field]: { __typename: 'MessagePage', nodes, nextCursor } } },
});

function handlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    AllMessages: (v) =>
      v.after
        ? page('messages', [msg('m3', 'user-jeroen', 'Jeroen de Vries', 'Oudste bericht')])
        : page('messages', [msg('m1', 'user-sanne', 'Sanne de Vries', 'Mijn eigen bericht'), msg('m2', 'user-fatima', 'Fatima El Amrani', 'Van Fatima')], 'c1'),
    TrustGroupMessages: () => page('trustGroupMessages', [msg('t1', 'user-jeroen', 'Jeroen de Vries', 'Alleen voor de vertrouwensgroep', 'TRUST_GROUP')]),
    AccountMembers: () => ({
      data: { account: { __typename: 'Account', id: 'acc-sanne', members: [person('user-sanne', 'Sanne de Vries'), person('user-fatima', 'Fatima El Amrani')] } },
    }),
    PostMessage: (v) => ({ data: { postMessage: msg('new', 'user-sanne', 'Sanne de Vries', String(v.body), String(v.audience)) } }),
    DeleteMessage: () => ({ data: { deleteMessage: true } }),
    ...overrides,
  };
}

describe('Berichten', () => {
  it('says plainly that messages do not reach practitioners and where to go in a crisis', async () => {
    renderWith(<MessagesView />, { handlers: handlers() });
    expect(screen.getByText(/komen niet bij je behandelaar/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bij direct gevaar: bel 112.' })).toHaveAttribute('href', 'tel:112');
    expect(screen.getByRole('link', { name: /113 Zelfmoordpreventie: 0800-0113/ })).toHaveAttribute('href', 'tel:08000113');
    expect(screen.getByText(/huisartsenpost/)).toBeInTheDocument();
    expect(await screen.findByText('Mijn eigen bericht')).toBeInTheDocument();
  });

  it('shows who reads a message before it is sent, with the readers by name', async () => {
    renderWith(<MessagesView />, { handlers: handlers() });
    const box = screen.getByRole('heading', { name: 'Wie leest dit?' }).parentElement as HTMLElement;
    expect(box).toHaveTextContent('Iedereen met basisrechten of in de vertrouwensgroep van Sanne de Vries');
    expect(await within(box).findByText(/Fatima El Amrani/)).toBeInTheDocument();
  });

  it('BASIC sees no trust-group tab and never asks for trust-group messages', async () => {
    const { api } = renderWith(<MessagesView />, { handlers: handlers(), account: account('BASIC', { own: false }), viewerId: 'user-fatima' });
    await screen.findByText('Van Fatima');
    expect(screen.queryByRole('tab', { name: 'Vertrouwensgroep' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Alleen de vertrouwensgroep/)).not.toBeInTheDocument();
    expect(api.calls.map((c) => c.operationName)).not.toContain('TrustGroupMessages');
  });

  it('the trust-group tab posts to the trust group and says who reads it', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<MessagesView />, { handlers: handlers() });
    await user.click(screen.getByRole('tab', { name: 'Vertrouwensgroep' }));
    expect(await screen.findByText('Alleen voor de vertrouwensgroep')).toBeInTheDocument();
    expect(screen.getByText('Alleen de vertrouwensgroep van Sanne de Vries en de beheerder.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Nieuw bericht'), 'Geheim');
    await user.click(screen.getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(api.calls.find((c) => c.operationName === 'PostMessage')?.variables).toEqual({ accountId: 'acc-sanne', audience: 'TRUST_GROUP', body: 'Geheim' }));
  });

  it('pages with "meer laden", newest first', async () => {
    const user = userEvent.setup();
    renderWith(<MessagesView />, { handlers: handlers() });
    await screen.findByText('Mijn eigen bericht');
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    expect(await screen.findByText('Oudste bericht')).toBeInTheDocument();
    const bodies = screen.getAllByRole('listitem').map((li) => li.querySelector('.plain-text')?.textContent).filter(Boolean);
    expect(bodies).toEqual(['Mijn eigen bericht', 'Van Fatima', 'Oudste bericht']);
    expect(screen.queryByRole('button', { name: 'Meer laden' })).not.toBeInTheDocument();
  });

  it('offers to delete only your own messages, after a confirmation', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<MessagesView />, { handlers: handlers() });
    const own = (await screen.findByText('Mijn eigen bericht')).closest('li') as HTMLElement;
    const other = screen.getByText('Van Fatima').closest('li') as HTMLElement;
    expect(within(other).queryByRole('button', { name: 'Verwijderen' })).not.toBeInTheDocument();
    await user.click(within(own).getByRole('button', { name: 'Verwijderen' }));
    expect(within(own).getByText('Wil je dit bericht verwijderen?')).toBeInTheDocument();
    await user.click(within(own).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(api.calls.some((c) => c.operationName === 'DeleteMessage' && c.variables.id === 'm1')).toBe(true));
  });

  it('NONE is told the page is not for them', () => {
    renderWith(<MessagesView />, { handlers: handlers(), account: account('NONE') });
    expect(screen.getByText('Niet voor jou')).toBeInTheDocument();
  });
});
