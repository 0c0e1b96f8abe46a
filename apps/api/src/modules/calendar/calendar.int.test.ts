import { In, type DataSource, type Logger } from 'typeorm';
import { localParts } from '@kring/domain';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { DEMO_PASSWORD } from '../../seed/demo';
import { hashPassword } from '../sessions/password-hash';
import { createUserWithAccount } from '../accounts/user.service';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { AppointmentEntity, AppointmentExdateEntity, AppointmentHelperEntity } from './appointment.entity';

type Who = 'MANAGER' | 'TRUST' | 'BASIC' | 'NONE' | 'OUTSIDER';
const EVERYONE: Who[] = ['MANAGER', 'TRUST', 'BASIC', 'NONE', 'OUTSIDER'];
/** Who may see and edit Sanne's calendar, by DESIGN.md's table. */
const CAN: Record<Who, boolean> = { MANAGER: true, TRUST: true, BASIC: true, NONE: false, OUTSIDER: false };
const DENIED: Record<Who, string | null> = { MANAGER: null, TRUST: null, BASIC: null, NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };

const AMS = 'Europe/Amsterdam';
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;
const reasonOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.reason ?? null;
const local = (iso: string) => {
  const p = localParts(new Date(iso), AMS);
  return `${p.date} ${p.time}`;
};

async function countQueries(ds: DataSource, work: () => Promise<unknown>): Promise<number> {
  const original = ds.logger;
  let count = 0;
  const counting = Object.assign(Object.create(original) as Logger, {
    logQuery: (...args: Parameters<Logger['logQuery']>) => {
      count++;
      original.logQuery(...args);
    },
  });
  (ds as { logger: Logger }).logger = counting;
  try {
    await work();
  } finally {
    (ds as { logger: Logger }).logger = original;
  }
  return count;
}

async function outsider(w: DemoWorld): Promise<{ token: string; userId: string; accountId: string }> {
  const email = `buiten-${Math.random().toString(36).slice(2)}@example.nl`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { user, account } = await w.db.tx((m) =>
    createUserWithAccount(m, w.clock.now(), { email, firstName: 'Bram', lastName: 'Buiten', passwordHash, emailVerifiedAt: w.clock.now() }),
  );
  return { token: await w.signIn(email), userId: user.id, accountId: account.id };
}

const CREATE = `mutation($a: ID!, $i: AppointmentInput!) { createAppointment(accountId: $a, input: $i) {
  id title start durationMinutes canEdit source cancelled recurrence { frequency interval untilDate count rrule } helpers { id name } } }`;
const CALENDAR = `query($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { account(id: $id) {
  calendar(from: $from, to: $to) { start end originalStart account { id } appointment { id title canEdit cancelled source } } } }`;
const AGENDA = `query($from: DateTimeISO!, $to: DateTimeISO!, $ids: [ID!]) { viewer { agenda(from: $from, to: $to, accountIds: $ids) {
  start originalStart account { id displayName } appointment { id title helpers { id name } recurrence { rrule } } } } }`;
const UPDATE = `mutation($id: ID!, $i: AppointmentInput!, $s: OccurrenceScope!, $o: DateTimeISO) {
  updateAppointment(id: $id, input: $i, scope: $s, occurrenceStart: $o) { id title start recurrence { untilDate count rrule } } }`;
const DELETE = `mutation($id: ID!, $s: OccurrenceScope!, $o: DateTimeISO) { deleteAppointment(id: $id, scope: $s, occurrenceStart: $o) }`;
const HELPERS = `mutation($id: ID!, $h: [ID!]!) { setAppointmentHelpers(id: $id, helperIds: $h) { id helpers { id name } } }`;
const APPOINTMENT = `query($a: ID!, $id: ID!) { account(id: $a) { appointment(id: $id) { id title helpers { name } recurrence { rrule } canEdit } } }`;
const MEMBERS = `query($a: ID!) { account(id: $a) { members { id name } } }`;

const tennisInput = (helperIds: string[] = []) => ({
  title: 'Tennis',
  start: '2022-01-05T10:00:00.000+01:00',
  durationMinutes: 90,
  location: 'Tennispark',
  recurrence: { frequency: 'WEEKLY', interval: 1 },
  helperIds,
});

// A fresh MariaDB test database is migrated in the first beforeAll.
jest.setTimeout(60_000);

describe('calendar', () => {
  let w: DemoWorld;
  let t: Record<Who, string>;
  let ids: { sanne: string; jeroen: string; fatima: string; pieter: string; outsider: string };
  let outsiderAccount: string;

  beforeAll(async () => {
    w = await startDemoWorld();
    const o = await outsider(w);
    outsiderAccount = o.accountId;
    t = { MANAGER: w.tokens.sanne, TRUST: w.tokens.jeroen, BASIC: w.tokens.fatima, NONE: w.tokens.pieter, OUTSIDER: o.token };
    const members = await w.ok(MEMBERS, { a: w.ids.sanneAccount }, { token: t.MANAGER });
    const byName = (n: string) => members.account.members.find((p: { name: string }) => p.name.startsWith(n))?.id as string;
    ids = { sanne: byName('Sanne'), jeroen: byName('Jeroen'), fatima: byName('Fatima'), pieter: '', outsider: o.userId };
    const me = await w.ok('{ viewer { user { id } } }', {}, { token: t.NONE });
    ids.pieter = me.viewer.user.id;
  });
  afterAll(() => w.close());

  it("seeds the demo: Sanne's weekly tennis with Jeroen, coffee with Fatima and the provider's appointments", async () => {
    const now = w.clock.now();
    const r = await w.ok(AGENDA, { from: now.toISOString(), to: new Date(now.getTime() + 28 * 86_400_000).toISOString() }, { token: t.TRUST });
    const titles = r.viewer.agenda.map((o: { appointment: { title: string } }) => o.appointment.title);
    const tennis = r.viewer.agenda.filter((o: { appointment: { title: string } }) => o.appointment.title === 'Tennis');
    expect(tennis).toHaveLength(4);
    for (const o of tennis) expect(localParts(new Date(o.start), AMS)).toMatchObject({ weekday: 3, time: '10:00' });
    expect(tennis[0].appointment.helpers.map((p: { name: string }) => p.name)).toEqual(['Jeroen de Vries']);
    expect(titles).toContain('Koffie met Fatima');
    if (await w.db.manager.countBy(PatientRecordEntity, { accountId: w.ids.sanneAccount })) {
      expect(titles.filter((x: string) => x.startsWith('Gesprek met uw behandelaar')).length).toBeGreaterThan(0);
    }
  });

  describe('the tennis example (issue 5)', () => {
    let tennisId: string;

    it('Sanne adds weekly tennis with Jeroen as helper; it stays at 10:00 Amsterdam across both clock changes', async () => {
      const r = await w.ok(CREATE, { a: w.ids.sanneAccount, i: tennisInput([ids.jeroen]) }, { token: t.MANAGER });
      tennisId = r.createAppointment.id;
      expect(r.createAppointment).toMatchObject({
        title: 'Tennis',
        canEdit: true,
        source: 'PRIVATE',
        cancelled: false,
        recurrence: { frequency: 'WEEKLY', interval: 1, untilDate: null, count: null, rrule: 'FREQ=WEEKLY;INTERVAL=1' },
        helpers: [{ id: ids.jeroen, name: 'Jeroen de Vries' }],
      });
      const jan = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2022-01-01T00:00:00Z', to: '2022-02-01T00:00:00Z' }, { token: t.MANAGER });
      const tennisJan = jan.account.calendar.filter((o: { appointment: { id: string } }) => o.appointment.id === tennisId);
      expect(tennisJan.map((o: { start: string }) => local(o.start))).toEqual(['2022-01-05 10:00', '2022-01-12 10:00', '2022-01-19 10:00', '2022-01-26 10:00']);
      const apr = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2022-04-01T00:00:00Z', to: '2022-05-01T00:00:00Z' }, { token: t.MANAGER });
      expect(apr.account.calendar.map((o: { start: string }) => local(o.start))).toEqual(['2022-04-06 10:00', '2022-04-13 10:00', '2022-04-20 10:00', '2022-04-27 10:00']);
      expect(apr.account.calendar[0].start).toBe('2022-04-06T08:00:00.000Z');
      const nov = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2022-11-01T00:00:00Z', to: '2022-11-10T00:00:00Z' }, { token: t.MANAGER });
      expect(nov.account.calendar[0].start).toBe('2022-11-02T09:00:00.000Z');
    });

    it('Jeroen finds it in his agenda, marked as Sanne\'s, and got an e-mail with an .ics attachment', async () => {
      const a = await w.ok(AGENDA, { from: '2022-04-01T00:00:00Z', to: '2022-05-01T00:00:00Z' }, { token: t.TRUST });
      const mine = a.viewer.agenda.filter((o: { appointment: { id: string } }) => o.appointment.id === tennisId);
      expect(mine).toHaveLength(4);
      expect(mine[0].account).toEqual({ id: w.ids.sanneAccount, displayName: expect.any(String) });
      expect(mine[0].appointment.helpers).toEqual([{ id: ids.jeroen, name: 'Jeroen de Vries' }]);
      const mails = (await w.outbox('appointment-invite')).filter((m) => m.recipient === 'jeroen@example.nl');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('Tennis');
      const attachments = JSON.parse(mails[0]!.attachments!) as { filename: string; content: string; contentType: string }[];
      expect(attachments[0]!.contentType).toContain('text/calendar');
      const ics = Buffer.from(attachments[0]!.content, 'base64').toString('utf8');
      expect(ics).toContain('BEGIN:VTIMEZONE');
      expect(ics).toContain('TZID:Europe/Amsterdam');
      expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20220105T100000');
      expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1');
      // Sanne asked; she is not told about her own change.
      expect((await w.outbox('appointment-invite')).some((m) => m.recipient === 'sanne@example.nl')).toBe(false);
    });

    it('Sanne cancels one Wednesday and it is gone for both; Jeroen is told', async () => {
      await w.ok(DELETE, { id: tennisId, s: 'THIS_OCCURRENCE', o: '2022-04-13T08:00:00.000Z' }, { token: t.MANAGER });
      for (const token of [t.MANAGER, t.TRUST]) {
        const a = await w.ok(AGENDA, { from: '2022-04-01T00:00:00Z', to: '2022-05-01T00:00:00Z' }, { token });
        expect(a.viewer.agenda.filter((o: { appointment: { id: string } }) => o.appointment.id === tennisId).map((o: { start: string }) => local(o.start))).toEqual([
          '2022-04-06 10:00',
          '2022-04-20 10:00',
          '2022-04-27 10:00',
        ]);
      }
      const told = (await w.outbox('appointment-cancelled')).filter((m) => m.recipient === 'jeroen@example.nl');
      expect(told).toHaveLength(1);
      expect(told[0]!.text).toContain('13 april 2022');
      // Cancelling it again: it is no longer an occurrence.
      const again = await w.gql(DELETE, { id: tennisId, s: 'THIS_OCCURRENCE', o: '2022-04-13T08:00:00.000Z' }, { token: t.MANAGER });
      expect(reasonOf(again)).toBe('NOT_AN_OCCURRENCE');
    });

    it('moves one occurrence (THIS_OCCURRENCE): shown at the new time with its original start', async () => {
      const input = { ...tennisInput(), start: '2022-04-21T14:00:00.000+02:00', durationMinutes: 60, recurrence: null, helperIds: null };
      const r = await w.ok(UPDATE, { id: tennisId, i: input, s: 'THIS_OCCURRENCE', o: '2022-04-20T08:00:00.000Z' }, { token: t.BASIC });
      expect(r.updateAppointment.id).not.toBe(tennisId);
      const apr = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2022-04-01T00:00:00Z', to: '2022-05-01T00:00:00Z' }, { token: t.MANAGER });
      expect(apr.account.calendar.map((o: { start: string; originalStart: string }) => [local(o.start), local(o.originalStart)])).toEqual([
        ['2022-04-06 10:00', '2022-04-06 10:00'],
        ['2022-04-21 14:00', '2022-04-20 10:00'],
        ['2022-04-27 10:00', '2022-04-27 10:00'],
      ]);
      const changed = (await w.outbox('appointment-changed')).filter((m) => m.recipient === 'jeroen@example.nl');
      expect(changed.length).toBeGreaterThanOrEqual(1);
    });

    it('changes this and the following ones: the series ends the day before, a new one starts', async () => {
      const input = { ...tennisInput(), title: 'Tennis (nieuwe baan)', start: '2022-06-01T11:00:00.000+02:00', helperIds: null };
      const r = await w.ok(UPDATE, { id: tennisId, i: input, s: 'THIS_AND_FOLLOWING', o: '2022-06-01T08:00:00.000Z' }, { token: t.MANAGER });
      const tail = r.updateAppointment;
      expect(tail.id).not.toBe(tennisId);
      const head = await w.ok(APPOINTMENT, { a: w.ids.sanneAccount, id: tennisId }, { token: t.MANAGER });
      expect(head.account.appointment.recurrence.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;UNTIL=20220531T215959Z');
      const cal = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2022-05-20T00:00:00Z', to: '2022-06-20T00:00:00Z' }, { token: t.MANAGER });
      expect(cal.account.calendar.map((o: { start: string; appointment: { title: string } }) => `${local(o.start)} ${o.appointment.title}`)).toEqual([
        '2022-05-25 10:00 Tennis',
        '2022-06-01 11:00 Tennis (nieuwe baan)',
        '2022-06-08 11:00 Tennis (nieuwe baan)',
        '2022-06-15 11:00 Tennis (nieuwe baan)',
      ]);
      // Jeroen still comes along to the new series.
      const tailView = await w.ok(APPOINTMENT, { a: w.ids.sanneAccount, id: tail.id }, { token: t.MANAGER });
      expect(tailView.account.appointment.helpers).toEqual([{ name: 'Jeroen de Vries' }]);
      // Remove it all again.
      await w.ok(DELETE, { id: tail.id, s: 'ALL_OCCURRENCES' }, { token: t.MANAGER });
      await w.ok(DELETE, { id: tennisId, s: 'ALL_OCCURRENCES' }, { token: t.MANAGER });
      expect(await w.db.manager.countBy(AppointmentEntity, { id: In([tennisId, tail.id]) })).toBe(0);
      expect(await w.db.manager.countBy(AppointmentEntity, { parentAppointmentId: In([tennisId, tail.id]) })).toBe(0);
      expect(await w.db.manager.countBy(AppointmentExdateEntity, { appointmentId: tennisId })).toBe(0);
      expect(await w.db.manager.countBy(AppointmentHelperEntity, { appointmentId: tennisId })).toBe(0);
    });
  });

  describe('scopes on a counted series', () => {
    it('shares the count between both parts of a split, and deletes this and the following', async () => {
      const c = await w.ok(CREATE, { a: w.ids.sanneAccount, i: { title: 'Fysio', start: '2023-01-02T09:00:00+01:00', durationMinutes: 30, recurrence: { frequency: 'WEEKLY', interval: 1, count: 6 } } }, { token: t.MANAGER });
      const id = c.createAppointment.id;
      const u = await w.ok(UPDATE, { id, i: { title: 'Fysio', start: '2023-01-16T09:00:00+01:00', durationMinutes: 45, recurrence: { frequency: 'WEEKLY', interval: 1, count: 6 } }, s: 'THIS_AND_FOLLOWING', o: '2023-01-16T08:00:00Z' }, { token: t.MANAGER });
      expect(u.updateAppointment.recurrence.count).toBe(4);
      const cal = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2023-01-01T00:00:00Z', to: '2023-03-01T00:00:00Z' }, { token: t.MANAGER });
      expect(cal.account.calendar.filter((o: { appointment: { title: string } }) => o.appointment.title === 'Fysio')).toHaveLength(6);
      await w.ok(DELETE, { id: u.updateAppointment.id, s: 'THIS_AND_FOLLOWING', o: '2023-01-30T08:00:00Z' }, { token: t.MANAGER });
      const after = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2023-01-01T00:00:00Z', to: '2023-03-01T00:00:00Z' }, { token: t.MANAGER });
      expect(after.account.calendar.filter((o: { appointment: { title: string } }) => o.appointment.title === 'Fysio').map((o: { start: string }) => local(o.start).slice(0, 10))).toEqual([
        '2023-01-02', '2023-01-09', '2023-01-16', '2023-01-23',
      ]);
    });
  });

  describe('bad input is refused and nothing is stored', () => {
    const base = { title: 'Test', start: '2024-05-01T10:00:00+02:00', durationMinutes: 30 };
    it.each<[string, Record<string, unknown>, string]>([
      ['zero duration', { ...base, durationMinutes: 0 }, 'DURATION_OUT_OF_RANGE'],
      ['negative duration', { ...base, durationMinutes: -10 }, 'DURATION_OUT_OF_RANGE'],
      ['empty title', { ...base, title: '  ' }, 'REQUIRED'],
      ['interval 0', { ...base, recurrence: { frequency: 'DAILY', interval: 0 } }, 'INTERVAL_OUT_OF_RANGE'],
      ['interval 100', { ...base, recurrence: { frequency: 'DAILY', interval: 100 } }, 'INTERVAL_OUT_OF_RANGE'],
      ['count 0', { ...base, recurrence: { frequency: 'DAILY', count: 0 } }, 'COUNT_OUT_OF_RANGE'],
      ['until before start', { ...base, recurrence: { frequency: 'DAILY', untilDate: '2024-04-30' } }, 'UNTIL_BEFORE_START'],
      ['until and count', { ...base, recurrence: { frequency: 'DAILY', untilDate: '2024-06-30', count: 3 } }, 'UNTIL_AND_COUNT'],
    ])('%s', async (_name, input, reason) => {
      const before = await w.db.manager.count(AppointmentEntity);
      const r = await w.gql(CREATE, { a: w.ids.sanneAccount, i: input }, { token: t.MANAGER });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(reasonOf(r)).toBe(reason);
      expect(await w.db.manager.count(AppointmentEntity)).toBe(before);
    });

    it('refuses helpers who cannot see the calendar (NONE, or no connection)', async () => {
      for (const helper of [ids.pieter, ids.outsider, 'no-such-user']) {
        const before = await w.db.manager.count(AppointmentEntity);
        const r = await w.gql(CREATE, { a: w.ids.sanneAccount, i: { ...base, helperIds: [helper] } }, { token: t.MANAGER });
        expect(codeOf(r)).toBe('BAD_USER_INPUT');
        expect(reasonOf(r)).toBe('NOT_A_MEMBER');
        expect(await w.db.manager.count(AppointmentEntity)).toBe(before);
      }
    });

    it('refuses an occurrenceStart that is not an occurrence, or none for THIS_OCCURRENCE', async () => {
      const c = await w.ok(CREATE, { a: w.ids.sanneAccount, i: { ...base, recurrence: { frequency: 'WEEKLY' } } }, { token: t.MANAGER });
      const id = c.createAppointment.id;
      const wrong = await w.gql(DELETE, { id, s: 'THIS_OCCURRENCE', o: '2024-05-02T08:00:00Z' }, { token: t.MANAGER });
      expect(reasonOf(wrong)).toBe('NOT_AN_OCCURRENCE');
      const none = await w.gql(UPDATE, { id, i: base, s: 'THIS_OCCURRENCE' }, { token: t.MANAGER });
      expect(reasonOf(none)).toBe('OCCURRENCE_REQUIRED');
      expect(await w.db.manager.countBy(AppointmentExdateEntity, { appointmentId: id })).toBe(0);
      await w.ok(DELETE, { id, s: 'ALL_OCCURRENCES' }, { token: t.MANAGER });
    });

    it('refuses a window longer than 400 days or reversed', async () => {
      const long = await w.gql(CALENDAR, { id: w.ids.sanneAccount, from: '2022-01-01T00:00:00Z', to: '2023-03-01T00:00:00Z' }, { token: t.MANAGER });
      expect(codeOf(long)).toBe('BAD_USER_INPUT');
      expect(reasonOf(long)).toBe('WINDOW_TOO_LARGE');
      const agenda = await w.gql(AGENDA, { from: '2022-01-01T00:00:00Z', to: '2023-03-01T00:00:00Z' }, { token: t.MANAGER });
      expect(reasonOf(agenda)).toBe('WINDOW_TOO_LARGE');
      const reversed = await w.gql(AGENDA, { from: '2022-02-01T00:00:00Z', to: '2022-01-01T00:00:00Z' }, { token: t.MANAGER });
      expect(reasonOf(reversed)).toBe('WINDOW_INVALID');
    });
  });

  describe('rights (every guarded field and mutation × every level)', () => {
    let appointmentId: string;
    beforeAll(async () => {
      const c = await w.ok(CREATE, { a: w.ids.sanneAccount, i: { title: 'Rechten', start: '2024-06-03T10:00:00+02:00', durationMinutes: 30, recurrence: { frequency: 'DAILY', count: 50 } } }, { token: t.MANAGER });
      appointmentId = c.createAppointment.id;
    });

    it.each(EVERYONE)('%s: Account.calendar, Account.appointment, Account.members', async (who) => {
      const cal = await w.gql(CALENDAR, { id: w.ids.sanneAccount, from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z' }, { token: t[who] });
      const one = await w.gql(APPOINTMENT, { a: w.ids.sanneAccount, id: appointmentId }, { token: t[who] });
      const members = await w.gql(MEMBERS, { a: w.ids.sanneAccount }, { token: t[who] });
      for (const r of [cal, one, members]) expect(codeOf(r)).toBe(DENIED[who]);
      if (CAN[who]) {
        expect(cal.data!.account.calendar.length).toBeGreaterThan(0);
        expect(one.data!.account.appointment.id).toBe(appointmentId);
        expect(members.data!.account.members.map((p: { name: string }) => p.name).sort()).toEqual(['Fatima El Amrani', 'Jeroen de Vries', 'Sanne de Vries']);
      } else if (who === 'NONE') {
        expect(cal.data?.account?.calendar ?? null).toBeNull();
        expect(one.data?.account?.appointment ?? null).toBeNull();
      }
    });

    it.each(EVERYONE)('%s: createAppointment', async (who) => {
      const r = await w.gql(CREATE, { a: w.ids.sanneAccount, i: { title: `Door ${who}`, start: '2024-06-10T10:00:00+02:00', durationMinutes: 30 } }, { token: t[who] });
      expect(codeOf(r)).toBe(DENIED[who]);
      expect(await w.db.manager.countBy(AppointmentEntity, { title: `Door ${who}` })).toBe(CAN[who] ? 1 : 0);
    });

    it.each(EVERYONE)('%s: updateAppointment, setAppointmentHelpers, deleteAppointment (by entity id)', async (who) => {
      const upd = await w.gql(UPDATE, { id: appointmentId, i: { title: `Rechten ${who}`, start: '2024-06-03T10:00:00+02:00', durationMinutes: 30, recurrence: { frequency: 'DAILY', count: 50 } }, s: 'ALL_OCCURRENCES' }, { token: t[who] });
      expect(codeOf(upd)).toBe(DENIED[who]);
      const hlp = await w.gql(HELPERS, { id: appointmentId, h: [ids.fatima] }, { token: t[who] });
      expect(codeOf(hlp)).toBe(DENIED[who]);
      const del = await w.gql(DELETE, { id: appointmentId, s: 'THIS_OCCURRENCE', o: `2024-06-${String(10 + EVERYONE.indexOf(who)).padStart(2, '0')}T08:00:00Z` }, { token: t[who] });
      expect(codeOf(del)).toBe(DENIED[who]);
      const row = await w.db.manager.findOneByOrFail(AppointmentEntity, { id: appointmentId });
      if (CAN[who]) expect(row.title).toBe(`Rechten ${who}`);
      else expect(row.title).not.toBe(`Rechten ${who}`);
    });

    it('the agenda shows nothing of Sanne to NONE and to someone without connection', async () => {
      for (const who of ['NONE', 'OUTSIDER'] as const) {
        const a = await w.ok(AGENDA, { from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z' }, { token: t[who] });
        expect(a.viewer.agenda.filter((o: { account: { id: string } }) => o.account.id === w.ids.sanneAccount)).toEqual([]);
        const only = await w.ok(AGENDA, { from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z', ids: [w.ids.sanneAccount] }, { token: t[who] });
        expect(only.viewer.agenda).toEqual([]);
      }
    });

    it("user B gets NOT_FOUND or FORBIDDEN for user A's appointment ids, and nothing changes", async () => {
      const mine = await w.ok(CREATE, { a: outsiderAccount, i: { title: 'Van Bram', start: '2024-06-03T10:00:00+02:00', durationMinutes: 30 } }, { token: t.OUTSIDER });
      const bram = mine.createAppointment.id;
      for (const who of ['MANAGER', 'TRUST', 'BASIC', 'NONE'] as const) {
        expect(codeOf(await w.gql(UPDATE, { id: bram, i: { title: 'X', start: '2024-06-03T10:00:00+02:00', durationMinutes: 30 }, s: 'ALL_OCCURRENCES' }, { token: t[who] }))).toBe('NOT_FOUND');
        expect(codeOf(await w.gql(DELETE, { id: bram, s: 'ALL_OCCURRENCES' }, { token: t[who] }))).toBe('NOT_FOUND');
        expect(codeOf(await w.gql(HELPERS, { id: bram, h: [] }, { token: t[who] }))).toBe('NOT_FOUND');
        // Through an account they can see: not there either.
        const viaOwn = await w.gql(APPOINTMENT, { a: w.ids.sanneAccount, id: bram }, { token: t[who] });
        expect(codeOf(viaOwn)).toBe(who === 'NONE' ? 'FORBIDDEN' : 'NOT_FOUND');
        expect(codeOf(await w.gql(CALENDAR, { id: outsiderAccount, from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z' }, { token: t[who] }))).toBe('NOT_FOUND');
      }
      expect((await w.db.manager.findOneByOrFail(AppointmentEntity, { id: bram })).title).toBe('Van Bram');
      // And the other way round.
      expect(codeOf(await w.gql(DELETE, { id: appointmentId, s: 'ALL_OCCURRENCES' }, { token: t.OUTSIDER }))).toBe('NOT_FOUND');
      expect(codeOf(await w.gql(createForOther, { a: w.ids.sanneAccount }, { token: t.OUTSIDER }))).toBe('NOT_FOUND');
    });

    it('refuses signed-out requests', async () => {
      expect(codeOf(await w.gql(CREATE, { a: w.ids.sanneAccount, i: { title: 'X', start: '2024-06-03T10:00:00+02:00', durationMinutes: 30 } }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await w.gql(DELETE, { id: appointmentId, s: 'ALL_OCCURRENCES' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await w.gql('mutation { createCalendarFeed }'))).toBe('UNAUTHENTICATED');
    });
  });

  it('reads a month for many series and exceptions in a constant number of statements', async () => {
    const agenda = () => w.ok(AGENDA, { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' }, { token: t.TRUST });
    const create = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = await w.ok(CREATE, { a: w.ids.sanneAccount, i: { title: `Reeks ${i}`, start: `2025-01-0${1 + (i % 7)}T10:00:00+01:00`, durationMinutes: 60, recurrence: { frequency: 'WEEKLY' }, helperIds: [ids.jeroen, ids.fatima] } }, { token: t.MANAGER });
        const first = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' }, { token: t.MANAGER });
        const occ = first.account.calendar.filter((o: { appointment: { id: string } }) => o.appointment.id === c.createAppointment.id);
        await w.ok(DELETE, { id: c.createAppointment.id, s: 'THIS_OCCURRENCE', o: occ[0].originalStart }, { token: t.MANAGER });
        await w.ok(UPDATE, { id: c.createAppointment.id, i: { title: 'Verzet', start: occ[2].start, durationMinutes: 30 }, s: 'THIS_OCCURRENCE', o: occ[1].originalStart }, { token: t.MANAGER });
      }
    };
    await create(1);
    await agenda();
    const few = await countQueries(w.db.ds, agenda);
    await create(6);
    const many = await countQueries(w.db.ds, agenda);
    const result = await agenda();
    expect(result.viewer.agenda.length).toBeGreaterThan(20);
    expect(many).toBe(few);
  });
});

const createForOther = `mutation($a: ID!) { createAppointment(accountId: $a, input: { title: "X", start: "2024-06-03T10:00:00+02:00", durationMinutes: 30 }) { id } }`;
