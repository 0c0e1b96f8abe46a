import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS_AND_OUTSIDER, codeOf, tokensByLevel, type Who } from '../../test/circle';
import { AccountEntity, MembershipEntity } from '../accounts/account.entity';
import { UserEntity } from '../accounts/user.entity';
import { AccessLogEntity } from '../audit/access-log.entity';
import { verifyAllChains } from '../audit/access-log';
import { ProviderEntity } from '../providers/provider.entity';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { JOBS } from '../../worker/workers';
import { newId } from '../../db/columns';
import { ACCOUNT_PURGERS } from './purge';
import { purgeClosedAccounts } from './deactivation.service';
import { InvitationEntity } from './invitation.entity';

const DEACTIVATE = `mutation($a: ID!) { deactivateAccount(accountId: $a) }`;
const ACCOUNT = `query($id: ID!) { account(id: $id) { status myLevel myRights } }`;
const DAY = 24 * 3600 * 1000;

describe('deactivateAccount', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeEach(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterEach(() => w.close());

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };
  it.each(LEVELS_AND_OUTSIDER)('%s: only the manager deactivates', async (who) => {
    const r = await w.gql(DEACTIVATE, { a: w.ids.sanneAccount }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    const account = await w.db.manager.findOneByOrFail(AccountEntity, { id: w.ids.sanneAccount });
    expect(account.status).toBe(who === 'MANAGER' ? 'CLOSED' : 'ACTIVE');
  });

  it('needs a step-up', async () => {
    const fresh = await w.signIn('sanne@example.nl');
    expect(codeOf(await w.gql(DEACTIVATE, { a: w.ids.sanneAccount }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
  });

  async function linkProvider(name: string): Promise<string> {
    const providerId = newId();
    const now = w.clock.now();
    await w.db.manager.insert(ProviderEntity, { id: providerId, name, contactPhone: null, contactEmail: null, createdAt: now });
    const recordId = newId();
    await w.db.manager.insert(PatientRecordEntity, {
      id: recordId, providerId, externalId: `p-${recordId}`, firstName: 'Sanne', lastName: 'de Vries', birthDate: '1990-01-01',
      accountId: w.ids.sanneAccount, linkedAt: now, unlinkedAt: null, createdAt: now, updatedAt: now,
    });
    return recordId;
  }

  it('closes the account: connections, invitations and provider links end at once; the former manager keeps reading', async () => {
    const recordId = await linkProvider('GGZ Noord');
    await w.ok(`mutation($a: ID!) { inviteHelper(accountId: $a, input: { firstName: "A", lastName: "B", email: "a@example.nl", level: BASIC }) { id } }`, { a: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect(await w.ok(DEACTIVATE, { a: w.ids.sanneAccount }, { token: tokens.MANAGER })).toEqual({ deactivateAccount: true });

    for (const who of ['TRUST', 'BASIC', 'NONE'] as const) {
      expect(codeOf(await w.gql(ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens[who] }))).toBe('NOT_FOUND');
    }
    const own = await w.ok(ACCOUNT, { id: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect(own.account).toEqual({ status: 'CLOSED', myLevel: 'MANAGER', myRights: ['VIEW_CALENDAR', 'VIEW_MESSAGES', 'VIEW_TRUST_GROUP_MESSAGES', 'VIEW_NOTES'] });
    expect(await w.db.manager.countBy(MembershipEntity, { accountId: w.ids.sanneAccount })).toBe(1);
    expect((await w.db.manager.findOneByOrFail(InvitationEntity, { accountId: w.ids.sanneAccount })).status).toBe('REVOKED');
    expect((await w.db.manager.findOneByOrFail(PatientRecordEntity, { id: recordId })).unlinkedAt).not.toBeNull();

    const mails = await w.outbox('connection-ended');
    expect(mails.map((m) => m.recipient).sort()).toEqual(['fatima@example.nl', 'jeroen@example.nl', 'pieter@example.nl']);
    expect(mails[0].text).toContain('het account is opgeheven');

    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'ASC' } });
    const actions = log.map((e) => [e.action, e.detail]);
    expect(actions).toContainEqual(['ACCOUNT_DEACTIVATED', null]);
    expect(actions).toContainEqual(['PROVIDER_UNLINKED', 'GGZ Noord']);
    expect(actions.filter(([a]) => a === 'CONNECTION_REMOVED')).toHaveLength(3);

    // Read-only now: no second deactivation, no connections page, no invitations.
    expect(codeOf(await w.gql(DEACTIVATE, { a: w.ids.sanneAccount }, { token: tokens.MANAGER }))).toBe('FORBIDDEN');
    expect(codeOf(await w.gql(`query($id: ID!) { account(id: $id) { connections { id } } }`, { id: w.ids.sanneAccount }, { token: tokens.MANAGER }))).toBe('FORBIDDEN');
  });

  /** Counts rows of another module's table for Sanne's account (or the whole table). */
  /** Jeroen's helper rows on Sanne's appointments. */
  const helpersOnSanne = async () => {
    const jeroen = await w.db.manager.findOneByOrFail(UserEntity, { email: 'jeroen@example.nl' });
    return rowsOf('appointment_helpers', false, jeroen.id);
  };
  async function rowsOf(table: string, byAccount = true, userId?: string): Promise<number> {
    const meta = w.db.ds.entityMetadatas.find((e) => e.tableName === table)!;
    const qb = w.db.manager.createQueryBuilder(meta.target, 't');
    if (byAccount) qb.where('t.accountId = :id', { id: w.ids.sanneAccount });
    else {
      // Helper rows of Sanne's appointments.
      const appts = w.db.ds.entityMetadatas.find((e) => e.tableName === 'appointments')!;
      const ids = w.db.manager.createQueryBuilder(appts.target, 'p').select('p.id').where('p.accountId = :id');
      qb.where(`t.appointmentId IN (${ids.getQuery()}) AND t.userId = :user`, { id: w.ids.sanneAccount, user: userId });
    }
    return qb.getCount();
  }

  /** A note, a message, an appointment with Jeroen as helper, and notification choices. */
  async function fillAccount(): Promise<void> {
    const a = w.ids.sanneAccount;
    const jeroen = await w.db.manager.findOneByOrFail(UserEntity, { email: 'jeroen@example.nl' });
    await w.ok(`mutation($a: ID!) { createNote(accountId: $a, input: { title: "Huisarts", body: "010-1234567" }) { id } }`, { a }, { token: tokens.MANAGER });
    await w.ok(`mutation($a: ID!) { postMessage(accountId: $a, audience: ALL_CONNECTIONS, body: "Hoi") { id } }`, { a }, { token: tokens.MANAGER });
    await w.ok(
      `mutation($a: ID!, $h: [ID!]) { createAppointment(accountId: $a, input: { title: "Tennis", start: "2026-03-10T10:00:00.000Z", durationMinutes: 60, helperIds: $h }) { id } }`,
      { a, h: [jeroen.id] },
      { token: tokens.MANAGER },
    );
    await w.ok(`mutation($a: ID!) { updateNotificationPreferences(accountId: $a, input: { newMessage: false }) { newMessage } }`, { a }, { token: tokens.TRUST });
    expect(await helpersOnSanne()).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('notification_preferences')).toBe(1);
  }

  it("a helper's own rows for the account go when their connection ends", async () => {
    await fillAccount();
    const jeroen = await w.db.manager.findOneByOrFail(UserEntity, { email: 'jeroen@example.nl' });
    const ms = await w.db.manager.findOneByOrFail(MembershipEntity, { accountId: w.ids.sanneAccount, userId: jeroen.id });
    await w.ok(`mutation($c: ID!) { removeConnection(connectionId: $c) }`, { c: ms.id }, { token: tokens.MANAGER });
    expect(await helpersOnSanne()).toBe(0);
    expect(await rowsOf('notification_preferences')).toBe(0);
    expect(await rowsOf('appointments')).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('notes')).toBeGreaterThanOrEqual(1);
  });

  it('deletes the closed account after 30 days, keeps its access log, and gives the login a fresh own account', async () => {
    const purged: string[] = [];
    const purger = (_m: unknown, accountId: string): Promise<void> => {
      purged.push(accountId);
      return Promise.resolve();
    };
    ACCOUNT_PURGERS.push(purger);
    try {
      await fillAccount();
      await w.ok(DEACTIVATE, { a: w.ids.sanneAccount }, { token: tokens.MANAGER });
      expect(JOBS.map((j) => j.name)).toContain('purge-closed-accounts');
      w.clock.advance(30 * DAY - 60_000);
      expect(await purgeClosedAccounts(w.app.services)).toBe(0);
      expect(await w.db.manager.existsBy(AccountEntity, { id: w.ids.sanneAccount })).toBe(true);
      w.clock.advance(120_000);
      expect(await purgeClosedAccounts(w.app.services)).toBe(1);
      expect(purged).toEqual([w.ids.sanneAccount]);
      expect(await w.db.manager.existsBy(AccountEntity, { id: w.ids.sanneAccount })).toBe(false);
      expect(await w.db.manager.countBy(MembershipEntity, { accountId: w.ids.sanneAccount })).toBe(0);
      expect(await w.db.manager.countBy(AccessLogEntity, { accountId: w.ids.sanneAccount })).toBeGreaterThan(0);
      for (const table of ['notes', 'messages', 'appointments', 'notification_preferences']) {
        expect([table, await rowsOf(table)]).toEqual([table, 0]);
      }
      expect(await helpersOnSanne()).toBe(0);
      expect((await verifyAllChains(w.db.manager)).broken).toEqual([]);

      const sanne = await w.db.manager.findOneByOrFail(UserEntity, { email: 'sanne@example.nl' });
      const fresh = await w.db.manager.findOneByOrFail(AccountEntity, { ownerUserId: sanne.id });
      expect(fresh).toMatchObject({ status: 'ACTIVE', displayName: 'Sanne de Vries' });
      const token = await w.signIn('sanne@example.nl');
      const me = await w.ok('{ viewer { accounts { own level account { id } } } }', {}, { token });
      expect(me.viewer.accounts).toEqual([{ own: true, level: 'MANAGER', account: { id: fresh.id } }]);
    } finally {
      ACCOUNT_PURGERS.splice(ACCOUNT_PURGERS.indexOf(purger), 1);
    }
  });
});
