import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { codeOf, countQueries, tokensByLevel, type Who } from '../../test/extra';
import { NoteEntity } from './note.entity';

const LIST = `query($id: ID!, $first: Int!, $after: String) { account(id: $id) {
  notes(first: $first, after: $after) { nodes { id title body updatedAt author { name } } nextCursor } } }`;
const CREATE = `mutation($a: ID!, $t: String!, $b: String!) { createNote(accountId: $a, input: { title: $t, body: $b }) { id title body author { name } } }`;
const UPDATE = `mutation($id: ID!, $t: String!, $b: String!) { updateNote(id: $id, input: { title: $t, body: $b }) { id title body updatedAt } }`;
const DELETE = `mutation($id: ID!) { deleteNote(id: $id) }`;

describe('notes', () => {
  let w: DemoWorld;
  let t: Record<Who, string>;
  const create = (who: Who, title: string, body = 'tekst') => w.gql(CREATE, { a: w.ids.sanneAccount, t: title, b: body }, { token: t[who] });

  beforeAll(async () => {
    w = await startDemoWorld();
    t = await tokensByLevel(w);
  });
  afterAll(() => w.close());

  // [who, allowed, error when denied]
  const table: [Who, boolean, string][] = [
    ['MANAGER', true, ''],
    ['TRUST', true, ''],
    ['BASIC', true, ''],
    ['NONE', false, 'FORBIDDEN'],
    ['OUTSIDER', false, 'NOT_FOUND'],
  ];

  it.each(table)('%s reads notes: %s', async (who, allowed, denied) => {
    const r = await w.gql(LIST, { id: w.ids.sanneAccount, first: 50 }, { token: t[who] });
    expect(codeOf(r)).toBe(allowed ? null : denied);
    if (allowed) expect(r.data.account.notes.nodes).toEqual(expect.any(Array));
  });

  it.each(table)('%s creates a note: %s', async (who, allowed, denied) => {
    const r = await create(who, `Notitie van ${who}`);
    expect(codeOf(r)).toBe(allowed ? null : denied);
    if (allowed) expect(r.data.createNote).toMatchObject({ title: `Notitie van ${who}`, body: 'tekst' });
  });

  it.each(table)('%s changes and deletes a note someone else wrote: %s', async (who, allowed, denied) => {
    const id = (await create('MANAGER', 'Huisarts', 'Dr. Bakker, 020-1234567')).data.createNote.id as string;
    const upd = await w.gql(UPDATE, { id, t: 'Huisarts', b: 'Dr. Bakker, 020-7654321' }, { token: t[who] });
    expect(codeOf(upd)).toBe(allowed ? null : denied);
    const del = await w.gql(DELETE, { id }, { token: t[who] });
    expect(codeOf(del)).toBe(allowed ? null : denied);
    const left = await w.db.manager.findOneBy(NoteEntity, { id });
    if (allowed) expect(left).toBeNull();
    else expect(left?.body).toBe('Dr. Bakker, 020-1234567');
  });

  it('answers NOT_FOUND for an unknown note id', async () => {
    expect(codeOf(await w.gql(DELETE, { id: '00000000-0000-0000-0000-000000000000' }, { token: t.MANAGER }))).toBe('NOT_FOUND');
  });

  it('refuses an empty title, a long title or a megabyte of text, and changes nothing', async () => {
    const before = await w.db.manager.count(NoteEntity);
    expect((await create('TRUST', '  ')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY', field: 'title' });
    expect((await create('TRUST', 'x'.repeat(201))).errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_LONG', field: 'title' });
    expect((await create('TRUST', 'Groot', 'x'.repeat(10_001))).errors?.[0]?.extensions).toMatchObject({ reason: 'TOO_LONG', field: 'body' });
    expect(await w.db.manager.count(NoteEntity)).toBe(before);
  });
  // Last: on MariaDB a second world shares (and empties) this worker's database.
  it('lists the most recently changed first, paged', async () => {
    const api = await startDemoWorld();
    try {
      await api.db.manager.clear(NoteEntity); // without the demo notes
      const ids: string[] = [];
      for (const title of ['Telefoonnummers', 'Huisarts', 'Apotheek']) {
        api.clock.advance(60_000);
        ids.push((await api.ok(CREATE, { a: api.ids.sanneAccount, t: title, b: '' }, { token: api.tokens.sanne })).createNote.id);
      }
      api.clock.advance(60_000);
      await api.ok(UPDATE, { id: ids[0], t: 'Telefoonnummers', b: 'Jeroen 06-87654321' }, { token: api.tokens.fatima });
      const p1 = await api.ok(LIST, { id: api.ids.sanneAccount, first: 2 }, { token: api.tokens.jeroen });
      expect(p1.account.notes.nodes.map((n: { title: string }) => n.title)).toEqual(['Telefoonnummers', 'Apotheek']);
      expect(p1.account.notes.nodes[0].updatedAt).toBe(api.clock.now().toISOString());
      const p2 = await api.ok(LIST, { id: api.ids.sanneAccount, first: 2, after: p1.account.notes.nextCursor }, { token: api.tokens.jeroen });
      expect(p2.account.notes.nodes.map((n: { title: string }) => n.title)).toEqual(['Huisarts']);
      expect(p2.account.notes.nextCursor).toBeNull();
      const small = await countQueries(api.db.ds, () => api.ok(LIST, { id: api.ids.sanneAccount, first: 1 }, { token: api.tokens.jeroen }));
      const large = await countQueries(api.db.ds, () => api.ok(LIST, { id: api.ids.sanneAccount, first: 50 }, { token: api.tokens.jeroen }));
      expect(large).toBe(small);
    } finally {
      await api.close();
    }
  });

});

describe('the demo circle', () => {
  it('has three everyday notes', async () => {
    const w = await startDemoWorld();
    try {
      const r = await w.ok(LIST, { id: w.ids.sanneAccount, first: 50 }, { token: w.tokens.fatima });
      expect(r.account.notes.nodes.map((n: { title: string }) => n.title)).toEqual(['Apotheek', 'Huisarts', 'Telefoonnummers']);
    } finally {
      await w.close();
    }
  });
});
