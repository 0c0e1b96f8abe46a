import pino from 'pino';
import { FakeClock } from '../../core/clock';
import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { makeProvider } from '../../test/providers';
import { PatientRecordEntity } from '../providers/patient-record.entity';
import { newId } from '../../db/columns';
import { NotificationPreferenceEntity } from '../notifications/notification.entity';
import { AppointmentEntity, ReminderSentEntity } from './appointment.entity';
import { sendDueReminders } from './reminders';

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code ?? null;
const reasonOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.reason ?? null;

const UPSERT = 'mutation($i: ProviderAppointmentInput!) { providerUpsertAppointment(input: $i) { id status } }';
const CANCEL = 'mutation($e: String!) { providerCancelAppointment(externalId: $e) }';
const CALENDAR = `query($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { account(id: $id) {
  calendar(from: $from, to: $to) { start appointment { id title source cancelled canEdit practitionerName videoUrl provider { name } helpers { name } } } } }`;
const CREATE = `mutation($a: ID!, $i: AppointmentInput!) { createAppointment(accountId: $a, input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: AppointmentInput!) { updateAppointment(id: $id, input: $i) { id } }`;
const DELETE = `mutation($id: ID!) { deleteAppointment(id: $id) }`;
const HELPERS = `mutation($id: ID!, $h: [ID!]!) { setAppointmentHelpers(id: $id, helperIds: $h) { id helpers { name } } }`;
const MEMBERS = `query($a: ID!) { account(id: $a) { members { id name } } }`;

let w: DemoWorld;

// A fresh MariaDB test database is migrated in the first beforeAll.
jest.setTimeout(60_000);

describe('calendar: what comes in from providers and goes out of Kring', () => {
  let ggz: Awaited<ReturnType<typeof makeProvider>>;
  let other: Awaited<ReturnType<typeof makeProvider>>;
  let jeroenId: string;
  const appt = {
    externalId: 'A-1',
    externalPatientId: 'P-SANNE',
    title: 'Gesprek over medicatie',
    start: '2026-03-10T09:30:00.000Z',
    durationMinutes: 45,
    location: 'Kamer 12',
    practitionerName: 'Dr. Bakker',
    videoUrl: 'https://video.example.nl/x',
  };

  beforeAll(async () => {
    w = await startDemoWorld();
    ggz = await makeProvider(w, 'GGZ Kalender');
    other = await makeProvider(w, 'Andere Zorg');
    await w.db.manager.insert(PatientRecordEntity, {
      id: newId(),
      providerId: ggz.id,
      externalId: 'P-SANNE',
      firstName: 'Sanne',
      lastName: 'de Vries',
      birthDate: '1990-01-01',
      accountId: w.ids.sanneAccount,
      linkedAt: w.clock.now(),
      unlinkedAt: null,
      createdAt: w.clock.now(),
      updatedAt: w.clock.now(),
    });
    await w.db.manager.insert(PatientRecordEntity, {
      id: newId(),
      providerId: ggz.id,
      externalId: 'P-NOT-ACTIVE',
      firstName: 'Piet',
      lastName: 'Puk',
      birthDate: '1990-01-01',
      accountId: null,
      linkedAt: null,
      unlinkedAt: null,
      createdAt: w.clock.now(),
      updatedAt: w.clock.now(),
    });
    const members = await w.ok(MEMBERS, { a: w.ids.sanneAccount }, { token: w.tokens.sanne });
    jeroenId = members.account.members.find((p: { name: string }) => p.name.startsWith('Jeroen')).id;
  });
  afterAll(() => w.close());

  describe('provider appointments', () => {
    let id: string;
    it('are idempotent by external id: CREATED, UNCHANGED for the same push, UPDATED for a change', async () => {
      const a = await w.ok(UPSERT, { i: appt }, { token: ggz.key });
      expect(a.providerUpsertAppointment.status).toBe('CREATED');
      id = a.providerUpsertAppointment.id;
      const b = await w.ok(UPSERT, { i: appt }, { token: ggz.key });
      expect(b.providerUpsertAppointment).toEqual({ id, status: 'UNCHANGED' });
      const c = await w.ok(UPSERT, { i: { ...appt, location: 'Kamer 14' } }, { token: ggz.key });
      expect(c.providerUpsertAppointment).toEqual({ id, status: 'UPDATED' });
      expect(await w.db.manager.countBy(AppointmentEntity, { externalId: 'A-1' })).toBe(1);
    });

    it("are shown read-only with the practitioner, the provider and the video link", async () => {
      const r = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' }, { token: w.tokens.fatima });
      const occ = r.account.calendar.find((o: { appointment: { id: string } }) => o.appointment.id === id);
      expect(occ.appointment).toMatchObject({
        source: 'PROVIDER',
        title: 'Gesprek over medicatie',
        canEdit: false,
        cancelled: false,
        practitionerName: 'Dr. Bakker',
        videoUrl: 'https://video.example.nl/x',
        provider: { name: 'GGZ Kalender' },
      });
    });

    it('cannot be changed or deleted by anyone in Kring, but helpers can be asked along', async () => {
      const input = { title: 'X', start: appt.start, durationMinutes: 30 };
      for (const token of [w.tokens.sanne, w.tokens.jeroen]) {
        const u = await w.gql(UPDATE, { id, i: input }, { token });
        expect(codeOf(u)).toBe('FORBIDDEN');
        expect(reasonOf(u)).toBe('PROVIDER_APPOINTMENT');
        const d = await w.gql(DELETE, { id }, { token });
        expect(reasonOf(d)).toBe('PROVIDER_APPOINTMENT');
      }
      const h = await w.ok(HELPERS, { id, h: [jeroenId] }, { token: w.tokens.sanne });
      expect(h.setAppointmentHelpers.helpers).toEqual([{ name: 'Jeroen de Vries' }]);
      const mail = (await w.outbox('appointment-invite')).find((m) => m.recipient === 'jeroen@example.nl');
      // No health content leaves Kring: not the title, place, practitioner or link.
      expect(mail!.text).toContain('Afspraak zorgaanbieder');
      const ics = Buffer.from((JSON.parse(mail!.attachments!) as { content: string }[])[0]!.content, 'base64').toString('utf8');
      for (const text of [mail!.text, mail!.html ?? '', mail!.subject ?? '', ics]) {
        expect(text).not.toContain('medicatie');
        expect(text).not.toContain('Kamer');
        expect(text).not.toContain('Bakker');
        expect(text).not.toContain('video.example');
      }
      expect(ics).toContain('SUMMARY:Afspraak zorgaanbieder');
    });

    it('only for its own patients with an active account', async () => {
      const foreign = await w.gql(UPSERT, { i: { ...appt, externalId: 'B-1' } }, { token: other.key });
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      const notActive = await w.gql(UPSERT, { i: { ...appt, externalId: 'B-2', externalPatientId: 'P-NOT-ACTIVE' } }, { token: ggz.key });
      expect(reasonOf(notActive)).toBe('PATIENT_NOT_ACTIVATED');
      expect(codeOf(await w.gql(CANCEL, { e: 'A-1' }, { token: other.key }))).toBe('NOT_FOUND');
      expect(codeOf(await w.gql(UPSERT, { i: appt }, { token: w.tokens.sanne }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await w.gql(CANCEL, { e: 'A-1' }, { token: w.tokens.sanne }))).toBe('UNAUTHENTICATED');
      const badLink = await w.gql(UPSERT, { i: { ...appt, externalId: 'B-3', videoUrl: 'javascript:alert(1)' } }, { token: ggz.key });
      expect(codeOf(badLink)).toBe('BAD_USER_INPUT');
    });

    it('a cancelled one stays visible as cancelled, and the helpers are told', async () => {
      expect((await w.ok(CANCEL, { e: 'A-1' }, { token: ggz.key })).providerCancelAppointment).toBe(true);
      expect((await w.ok(CANCEL, { e: 'A-1' }, { token: ggz.key })).providerCancelAppointment).toBe(true);
      const r = await w.ok(CALENDAR, { id: w.ids.sanneAccount, from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' }, { token: w.tokens.sanne });
      expect(r.account.calendar.find((o: { appointment: { id: string } }) => o.appointment.id === id).appointment.cancelled).toBe(true);
      const told = (await w.outbox('appointment-cancelled')).filter((m) => m.recipient === 'jeroen@example.nl');
      expect(told).toHaveLength(1);
      expect(told[0]!.text).not.toContain('medicatie');
      // Pushing it again brings it back.
      const again = await w.ok(UPSERT, { i: { ...appt, location: 'Kamer 14' } }, { token: ggz.key });
      expect(again.providerUpsertAppointment.status).toBe('UPDATED');
    });
  });

  describe('the calendar feed', () => {
    const FEED_URL = '{ viewer { calendarFeedUrl } }';
    const fetchFeed = async (url: string) => {
      const path = new URL(url).pathname;
      return fetch(w.url.replace('/graphql', path));
    };

    it('is null until created, then serves exactly what the user may see', async () => {
      expect((await w.ok(FEED_URL, {}, { token: w.tokens.jeroen })).viewer.calendarFeedUrl).toBeNull();
      await w.ok(CREATE, { a: w.ids.sanneAccount, i: { title: 'Tennis feed', start: '2026-03-04T10:00:00+01:00', durationMinutes: 60, recurrence: { frequency: 'WEEKLY' }, helperIds: [jeroenId] } }, { token: w.tokens.sanne });
      const url = (await w.ok('mutation { createCalendarFeed }', {}, { token: w.tokens.jeroen })).createCalendarFeed as string;
      expect(url).toMatch(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
      expect((await w.ok(FEED_URL, {}, { token: w.tokens.jeroen })).viewer.calendarFeedUrl).toBe(url);
      const res = await fetchFeed(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      const body = await res.text();
      expect(body).toContain('BEGIN:VCALENDAR');
      expect(body).toContain('TZID:Europe/Amsterdam');
      expect(body).toContain('SUMMARY:Tennis feed (Sanne de Vries)');
      expect(body).toContain('DTSTART;TZID=Europe/Amsterdam:20260304T100000');
      expect(body).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1');
      expect(body).toContain('Afspraak zorgaanbieder');
      expect(body).not.toContain('medicatie');
      expect(body).not.toContain('Bakker');
      // Pieter (NONE) sees nothing of Sanne in his feed.
      const pieter = (await w.ok('mutation { createCalendarFeed }', {}, { token: w.tokens.pieter })).createCalendarFeed as string;
      const pieterBody = await (await fetchFeed(pieter)).text();
      expect(pieterBody).not.toContain('Tennis feed');
      expect(pieterBody).not.toContain('Afspraak zorgaanbieder');
    });

    it('shows EXDATE and RECURRENCE-ID for cancelled and moved occurrences', async () => {
      const created = await w.ok(CREATE, { a: w.ids.sanneAccount, i: { title: 'Zwemmen', start: '2026-03-05T18:00:00+01:00', durationMinutes: 60, recurrence: { frequency: 'WEEKLY' } } }, { token: w.tokens.sanne });
      const sid = created.createAppointment.id;
      await w.ok('mutation($id: ID!, $o: DateTimeISO) { deleteAppointment(id: $id, scope: THIS_OCCURRENCE, occurrenceStart: $o) }', { id: sid, o: '2026-03-12T17:00:00Z' }, { token: w.tokens.sanne });
      await w.ok('mutation($id: ID!, $i: AppointmentInput!, $o: DateTimeISO) { updateAppointment(id: $id, input: $i, scope: THIS_OCCURRENCE, occurrenceStart: $o) { id } }', { id: sid, i: { title: 'Zwemmen', start: '2026-03-20T19:00:00+01:00', durationMinutes: 60 }, o: '2026-03-19T17:00:00Z' }, { token: w.tokens.sanne });
      const url = (await w.ok('{ viewer { calendarFeedUrl } }', {}, { token: w.tokens.sanne })).viewer.calendarFeedUrl ?? (await w.ok('mutation { createCalendarFeed }', {}, { token: w.tokens.sanne })).createCalendarFeed;
      const body = await (await fetchFeed(url)).text();
      expect(body).toContain('EXDATE;TZID=Europe/Amsterdam:20260312T180000');
      expect(body).toContain('RECURRENCE-ID;TZID=Europe/Amsterdam:20260319T180000');
      expect(body).toContain('DTSTART;TZID=Europe/Amsterdam:20260320T190000');
      expect(body).not.toContain('(Sanne de Vries)'); // her own account is not labelled
    });

    it('stops working when replaced or revoked', async () => {
      const first = (await w.ok('mutation { createCalendarFeed }', {}, { token: w.tokens.fatima })).createCalendarFeed as string;
      const second = (await w.ok('mutation { createCalendarFeed }', {}, { token: w.tokens.fatima })).createCalendarFeed as string;
      expect((await fetchFeed(first)).status).toBe(404);
      expect((await fetchFeed(second)).status).toBe(200);
      expect((await w.ok('mutation { revokeCalendarFeed }', {}, { token: w.tokens.fatima })).revokeCalendarFeed).toBe(true);
      expect((await fetchFeed(second)).status).toBe(404);
      expect((await w.ok('{ viewer { calendarFeedUrl } }', {}, { token: w.tokens.fatima })).viewer.calendarFeedUrl).toBeNull();
      expect((await fetch(w.url.replace('/graphql', '/ical/nonsense.ics'))).status).toBe(404);
    });
  });

  describe('reminders ("bijna begint")', () => {
    let r: DemoWorld;
    afterAll(() => r.close());

    it('sends once per occurrence and person at the chosen lead time, to helpers too; a moved one at its new time, a cancelled one never', async () => {
      r = await startDemoWorld({ clock: new FakeClock('2026-06-01T06:00:00Z') });
      const run = () => sendDueReminders({ db: r.db, clock: r.clock, env: r.env, log: pino({ level: 'silent' }) });
      const members = await r.ok(MEMBERS, { a: r.ids.sanneAccount }, { token: r.tokens.sanne });
      const idOf = (n: string) => members.account.members.find((p: { name: string }) => p.name.startsWith(n)).id as string;
      const c = await r.ok(CREATE, { a: r.ids.sanneAccount, i: { title: 'Yoga', start: '2026-06-01T10:00:00+02:00', durationMinutes: 60, recurrence: { frequency: 'DAILY', count: 3 }, helperIds: [idOf('Jeroen')] } }, { token: r.tokens.sanne });
      const sid = c.createAppointment.id;
      // The second day is cancelled, the third moved to 15:00.
      await r.ok('mutation($id: ID!, $o: DateTimeISO) { deleteAppointment(id: $id, scope: THIS_OCCURRENCE, occurrenceStart: $o) }', { id: sid, o: '2026-06-02T08:00:00Z' }, { token: r.tokens.sanne });
      await r.ok('mutation($id: ID!, $i: AppointmentInput!, $o: DateTimeISO) { updateAppointment(id: $id, input: $i, scope: THIS_OCCURRENCE, occurrenceStart: $o) { id } }', { id: sid, i: { title: 'Yoga', start: '2026-06-03T15:00:00+02:00', durationMinutes: 60 }, o: '2026-06-03T08:00:00Z' }, { token: r.tokens.sanne });
      // Fatima wants 30 minutes ahead; Jeroen turned them off but helps with this one, so he still gets it.
      const pref = (userId: string, appointmentStarting: boolean, appointmentLeadMinutes: number) => ({
        id: newId(), accountId: r.ids.sanneAccount, userId, appointmentStarting, appointmentLeadMinutes, newMessage: true, carePlanChanged: true, updatedAt: r.clock.now(),
      });
      await r.db.manager.insert(NotificationPreferenceEntity, [pref(idOf('Fatima'), true, 30), pref(idOf('Jeroen'), false, 60)]);
      const reminders = async () => (await r.outbox('appointment-reminder')).filter((m) => m.text.includes('Yoga'));

      await run();
      expect(await reminders()).toHaveLength(0);
      r.clock.set('2026-06-01T07:05:00Z'); // 55 minutes before 10:00 CEST
      await run();
      expect((await reminders()).map((m) => m.recipient).sort()).toEqual(['jeroen@example.nl', 'sanne@example.nl']);
      // Again, and as two workers at once: nothing new.
      await Promise.all([run(), run()]);
      await run();
      expect(await reminders()).toHaveLength(2);
      r.clock.set('2026-06-01T07:31:00Z');
      await run();
      expect((await reminders()).map((m) => m.recipient).sort()).toEqual(['fatima@example.nl', 'jeroen@example.nl', 'sanne@example.nl']);
      expect((await reminders())[0]!.text).toContain('10:00');
      expect(await r.db.manager.countBy(ReminderSentEntity, { appointmentId: sid })).toBe(3);
      // Pieter (NONE) never.
      expect((await reminders()).some((m) => m.recipient === 'pieter@example.nl')).toBe(false);

      r.clock.set('2026-06-02T07:30:00Z');
      await run();
      r.clock.set('2026-06-03T07:30:00Z');
      await run();
      expect(await reminders()).toHaveLength(3);
      r.clock.set('2026-06-03T12:10:00Z');
      await run();
      const last = (await reminders()).slice(3);
      expect(last.map((m) => m.recipient).sort()).toEqual(['jeroen@example.nl', 'sanne@example.nl']);
      expect(last[0]!.text).toContain('15:00');
    });
  });
});
