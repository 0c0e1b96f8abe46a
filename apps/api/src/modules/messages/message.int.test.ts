import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { codeOf, countQueries, tokensByLevel, type Who } from '../../test/extra';
import { newId } from '../../db/columns';
import { MessageEntity } from './message.entity';
import { listMessages } from './message.service';
import { createLoaders, type Context } from '../../core/context';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';

const LIST = `query($id: ID!, $first: Int!, $after: String) { account(id: $id) {
  messages(first: $first, after: $after) { nodes { id body audience sentAt author { name } } nextCursor } } }`;
const TRUST_LIST = `query($id: ID!) { account(id: $id) { trustGroupMessages { nodes { id body author { name } } nextCursor } } }`;
const POST = `mutation($a: ID!, $aud: Audience!, $b: String!) { postMessage(accountId: $a, audience: $aud, body: $b) { id audience body author { name } } }`;
const DELETE = `mutation($id: ID!) { deleteMessage(id: $id) }`;

describe('messages', () => {
  let w: DemoWorld;
  let t: Record<Who, string>;
  const post = (who: Who, audience: string, body: string) => w.gql(POST, { a: w.ids.sanneAccount, aud: audience, b: body }, { token: t[who] });

  beforeAll(async () => {
    w = await startDemoWorld();
    t = await tokensByLevel(w);
  });
  afterAll(() => w.close());

  describe('rights, per level', () => {
    // [who, messages allowed, trustGroupMessages allowed, expected error when denied]
    const table: [Who, boolean, boolean, string][] = [
      ['MANAGER', true, true, ''],
      ['TRUST', true, true, ''],
      ['BASIC', true, false, 'FORBIDDEN'],
      ['NONE', false, false, 'FORBIDDEN'],
      ['OUTSIDER', false, false, 'NOT_FOUND'],
    ];

    it.each(table)('%s reads messages: %s, trust group: %s', async (who, all, trust, denied) => {
      const r1 = await w.gql(LIST, { id: w.ids.sanneAccount, first: 20 }, { token: t[who] });
      const r2 = await w.gql(TRUST_LIST, { id: w.ids.sanneAccount }, { token: t[who] });
      expect(codeOf(r1)).toBe(all ? null : denied);
      expect(codeOf(r2)).toBe(trust ? null : denied);
      if (all) expect(r1.data.account.messages.nodes).toEqual(expect.any(Array));
      if (trust) expect(r2.data.account.trustGroupMessages.nodes).toEqual(expect.any(Array));
    });

    it.each(table)('%s posts to all connections: %s, to the trust group: %s', async (who, all, trust, denied) => {
      const r1 = await post(who, 'ALL_CONNECTIONS', `Hoi van ${who}`);
      const r2 = await post(who, 'TRUST_GROUP', `Alleen vertrouwensgroep, van ${who}`);
      expect(codeOf(r1)).toBe(all ? null : denied);
      expect(codeOf(r2)).toBe(trust ? null : denied);
      if (all) expect(r1.data.postMessage).toMatchObject({ audience: 'ALL_CONNECTIONS', body: `Hoi van ${who}` });
      if (trust) expect(r2.data.postMessage).toMatchObject({ audience: 'TRUST_GROUP' });
    });

    // [who, may delete own, error for someone else's message]
    const del: [Who, boolean, string][] = [
      ['MANAGER', true, 'FORBIDDEN'],
      ['TRUST', true, 'FORBIDDEN'],
      ['BASIC', true, 'FORBIDDEN'],
      ['NONE', false, 'FORBIDDEN'],
      ['OUTSIDER', false, 'NOT_FOUND'],
    ];
    it.each(del)('%s deletes their own message: %s; someone else’s gives %s', async (who, own, other) => {
      const theirs = (await post('MANAGER', 'ALL_CONNECTIONS', 'Van Sanne')).data.postMessage.id as string;
      if (who !== 'MANAGER') {
        expect(codeOf(await w.gql(DELETE, { id: theirs }, { token: t[who] }))).toBe(other);
      }
      if (own) {
        const mine = (await post(who, 'ALL_CONNECTIONS', 'Weg ermee')).data.postMessage.id as string;
        expect((await w.gql(DELETE, { id: mine }, { token: t[who] })).data).toEqual({ deleteMessage: true });
        const list = await w.ok(LIST, { id: w.ids.sanneAccount, first: 100 }, { token: t.MANAGER });
        expect(list.account.messages.nodes.map((n: { id: string }) => n.id)).not.toContain(mine);
        expect(codeOf(await w.gql(DELETE, { id: mine }, { token: t[who] }))).toBe('NOT_FOUND');
      }
    });

    it('a BASIC connection cannot delete (or learn about) a trust-group message', async () => {
      const id = (await post('MANAGER', 'TRUST_GROUP', 'Vertrouwelijk')).data.postMessage.id as string;
      expect(codeOf(await w.gql(DELETE, { id }, { token: t.BASIC }))).toBe('FORBIDDEN');
      expect(codeOf(await w.gql(DELETE, { id: newId() }, { token: t.BASIC }))).toBe('NOT_FOUND');
    });
  });

  it('never shows trust-group messages to a BASIC connection, even past the guard', async () => {
    await post('TRUST', 'TRUST_GROUP', 'Geheim voor Fatima');
    const list = await w.ok(LIST, { id: w.ids.sanneAccount, first: 100 }, { token: t.BASIC });
    expect(list.account.messages.nodes.every((n: { audience: string }) => n.audience === 'ALL_CONNECTIONS')).toBe(true);
    // Call the service directly, as if a guard had been forgotten: it still refuses.
    const fatima = await w.db.manager.findOneByOrFail(MembershipEntity, { accountId: w.ids.sanneAccount, level: 'BASIC' });
    const services = w.app.services;
    const viewer = { userId: fatima.userId, sessionId: 'x', stepUpUsedAt: null };
    const ctx = { ...services, requestId: 'r', viewer, provider: null, client: { ip: '127.0.0.1', userAgent: null }, loaders: createLoaders(services, viewer) } as Context;
    await expect(listMessages(ctx, w.ids.sanneAccount, 'TRUST_GROUP', 20, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an empty or too long message, and changes nothing', async () => {
    const before = await w.db.manager.count(MessageEntity);
    const empty = await post('TRUST', 'ALL_CONNECTIONS', '   \n ');
    const long = await post('TRUST', 'ALL_CONNECTIONS', 'a'.repeat(4001));
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY' });
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG' });
    expect(await w.db.manager.count(MessageEntity)).toBe(before);
    expect(codeOf(await post('TRUST', 'ALL_CONNECTIONS', '😀'.repeat(4000)))).toBeNull();
  });

  it('pages newest first with an opaque cursor, and caps the page size', async () => {
    const api = await startDemoWorld();
    try {
      await api.db.manager.clear(MessageEntity); // without the demo messages
      const t2 = api.tokens;
      for (let i = 1; i <= 25; i++) {
        api.clock.advance(60_000);
        await api.ok(POST, { a: api.ids.sanneAccount, aud: 'ALL_CONNECTIONS', b: `bericht ${i}` }, { token: i % 2 ? t2.sanne : t2.fatima });
      }
      const p1 = await api.ok(LIST, { id: api.ids.sanneAccount, first: 20 }, { token: t2.jeroen });
      expect(p1.account.messages.nodes).toHaveLength(20);
      expect(p1.account.messages.nodes[0]).toMatchObject({ body: 'bericht 25', author: { name: 'Sanne de Vries' } });
      expect(p1.account.messages.nodes[1]).toMatchObject({ body: 'bericht 24', author: { name: 'Fatima El Amrani' } });
      const p2 = await api.ok(LIST, { id: api.ids.sanneAccount, first: 20, after: p1.account.messages.nextCursor }, { token: t2.jeroen });
      expect(p2.account.messages.nodes.map((n: { body: string }) => n.body)).toEqual(['bericht 5', 'bericht 4', 'bericht 3', 'bericht 2', 'bericht 1']);
      expect(p2.account.messages.nextCursor).toBeNull();
      const tooMany = await api.gql(LIST, { id: api.ids.sanneAccount, first: 101 }, { token: t2.jeroen });
      expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const badCursor = await api.gql(LIST, { id: api.ids.sanneAccount, first: 5, after: 'rommel' }, { token: t2.jeroen });
      expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_CURSOR' });
    } finally {
      await api.close();
    }
  });

  it('keeps the number of SQL statements constant in the length of the list', async () => {
    const api = await startDemoWorld();
    try {
      const members = await api.db.manager.findBy(MembershipEntity, { accountId: api.ids.sanneAccount });
      const authors = members.filter((x) => x.level !== 'NONE').map((x) => x.userId);
      const rows = Array.from({ length: 60 }, (_, i) => ({
        id: newId(),
        accountId: api.ids.sanneAccount,
        authorUserId: authors[i % authors.length]!,
        audience: 'ALL_CONNECTIONS' as const,
        body: `bericht ${i}`,
        sentAt: new Date(api.clock.now().getTime() + i * 1000),
        deletedAt: null,
      }));
      await api.db.manager.insert(MessageEntity, rows);
      const run = (first: number) => countQueries(api.db.ds, () => api.ok(LIST, { id: api.ids.sanneAccount, first }, { token: api.tokens.jeroen }));
      const small = await run(2);
      const large = await run(50);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(8);
    } finally {
      await api.close();
    }
  });
});

describe('the demo circle', () => {
  it('has messages of both audiences, each seen only by who may', async () => {
    const w = await startDemoWorld();
    try {
      const fatima = await w.ok(LIST, { id: w.ids.sanneAccount, first: 20 }, { token: w.tokens.fatima });
      expect(fatima.account.messages.nodes.map((n: { author: { name: string } }) => n.author.name)).toEqual([
        'Jeroen de Vries',
        'Sanne de Vries',
        'Fatima El Amrani',
        'Sanne de Vries',
      ]);
      const jeroen = await w.ok(TRUST_LIST, { id: w.ids.sanneAccount }, { token: w.tokens.jeroen });
      expect(jeroen.account.trustGroupMessages.nodes).toHaveLength(2);
    } finally {
      await w.close();
    }
  });
});

describe('a closed (deactivated) account', () => {
  it('lets its former manager read messages, but not post or delete them', async () => {
    const w = await startDemoWorld();
    try {
      const mine = (await w.ok(POST, { a: w.ids.sanneAccount, aud: 'ALL_CONNECTIONS', b: 'Laatste bericht' }, { token: w.tokens.sanne })).postMessage.id;
      await w.db.manager.update(AccountEntity, { id: w.ids.sanneAccount }, { status: 'CLOSED', closedAt: w.clock.now() });
      const read = await w.ok(LIST, { id: w.ids.sanneAccount, first: 20 }, { token: w.tokens.sanne });
      expect(read.account.messages.nodes[0].body).toBe('Laatste bericht');
      const post = await w.gql(POST, { a: w.ids.sanneAccount, aud: 'ALL_CONNECTIONS', b: 'Nog eentje' }, { token: w.tokens.sanne });
      expect(post.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_CLOSED' });
      const del = await w.gql(DELETE, { id: mine }, { token: w.tokens.sanne });
      expect(del.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ACCOUNT_CLOSED' });
      // Helpers lose the account at once.
      expect(codeOf(await w.gql(LIST, { id: w.ids.sanneAccount, first: 20 }, { token: w.tokens.jeroen }))).toBe('NOT_FOUND');
    } finally {
      await w.close();
    }
  });
});
