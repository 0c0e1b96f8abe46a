import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { account, renderWith, type Handler } from '@/test/render';
import { NotesView } from './notes-view';

const note = (id: string, title: string, body: string) => ({
  __typename: 'Note',
  id,
  title,
  body,
  updatedAt: '2026-12-01T12:00:00.000Z',
  author: { __typename: 'Person', id: 'user-sanne', name: 'Sanne de Vries' },
});

function handlers(): Record<string, Handler> {
  let notes = [note('n1', 'Huisarts', 'Dr. Bakker, 010-1234567')];
  return {
    Notes: () => ({ data: { account: { __typename: 'Account', id: 'acc-sanne', notes: { __typename: 'NotePage', nodes: notes, nextCursor: null } } } }),
    CreateNote: (v) => {
      const input = v.input as { title: string; body: string };
      const created = note('n2', input.title, input.body);
      notes = [created, ...notes];
      return { data: { createNote: created } };
    },
    UpdateNote: (v) => {
      const input = v.input as { title: string; body: string };
      notes = notes.map((n) => (n.id === v.id ? { ...n, ...input } : n));
      return { data: { updateNote: notes.find((n) => n.id === v.id) } };
    },
    DeleteNote: (v) => {
      notes = notes.filter((n) => n.id !== v.id);
      return { data: { deleteNote: true } };
    },
  };
}

describe('Notities', () => {
  it('lists, adds, changes and deletes (after confirming) notes', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<NotesView />, { handlers: handlers() });
    expect(await screen.findByRole('heading', { name: 'Huisarts' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Titel'), 'Apotheek');
    await user.type(screen.getByLabelText('Tekst'), 'Open tot 18:00');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('heading', { name: 'Apotheek' })).toBeInTheDocument();

    const item = screen.getByRole('heading', { name: 'Huisarts' }).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Wijzigen' }));
    const title = screen.getByDisplayValue('Huisarts');
    await user.clear(title);
    await user.type(title, 'Huisarts Bakker');
    await user.click(screen.getAllByRole('button', { name: 'Opslaan' })[1]);
    expect(await screen.findByRole('heading', { name: 'Huisarts Bakker' })).toBeInTheDocument();

    const changed = screen.getByRole('heading', { name: 'Huisarts Bakker' }).closest('li') as HTMLElement;
    await user.click(within(changed).getByRole('button', { name: 'Verwijderen' }));
    expect(within(changed).getByText('Wil je de notitie "Huisarts Bakker" verwijderen?')).toBeInTheDocument();
    await user.click(within(changed).getByRole('button', { name: 'Verwijderen' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Huisarts Bakker' })).not.toBeInTheDocument());
    expect(api.calls.map((c) => c.operationName)).toContain('DeleteNote');
  });

  it('a cancelled delete deletes nothing', async () => {
    const user = userEvent.setup();
    const { api } = renderWith(<NotesView />, { handlers: handlers() });
    const item = (await screen.findByRole('heading', { name: 'Huisarts' })).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Verwijderen' }));
    await user.click(within(item).getByRole('button', { name: 'Annuleren' }));
    expect(api.calls.map((c) => c.operationName)).not.toContain('DeleteNote');
  });

  it('NONE is told the page is not for them and nothing is asked', () => {
    const { api } = renderWith(<NotesView />, { handlers: handlers(), account: account('NONE') });
    expect(screen.getByText('Niet voor jou')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });
});
