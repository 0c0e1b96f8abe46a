import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { UserEntity } from '../accounts/user.entity';
import { onCarePlanChanged } from '../dossier/events';
import { collectEvents, sendDigests } from './notify';

const UPDATE = `mutation($a: ID!, $i: NotificationPreferencesInput!) { updateNotificationPreferences(accountId: $a, input: $i) { carePlanChanged } }`;

describe('care-plan e-mails', () => {
  let w: DemoWorld;
  const run = async () => {
    await collectEvents(w.app.services);
    return sendDigests(w.app.services);
  };
  const mails = async (kind: string) => (await w.outbox(kind)).map((r) => ({ to: r.recipient, subject: r.subject, text: r.text, html: r.html }));
  const emailOf = async (first: string) => (await w.db.manager.findOneByOrFail(UserEntity, { firstName: first })).email;

  beforeEach(async () => {
    w = await startDemoWorld();
  });
  afterEach(() => w.close());

  it('tells TRUST and MANAGER connections about a changed care plan, without the provider or content', async () => {
    await w.ok(UPDATE, { a: w.ids.sanneAccount, i: { carePlanChanged: false } }, { token: w.tokens.fatima });
    await w.db.tx((m) => onCarePlanChanged(m, w.clock.now(), { accountId: w.ids.sanneAccount, providerName: 'GGZ Voorbeeld' }));
    await run();
    const sent = await mails('care-plan-changed');
    expect(sent.map((m) => m.to).sort()).toEqual([await emailOf('Jeroen'), await emailOf('Sanne')].sort());
    expect(sent[0]?.subject).toBe('Zorgplan bijgewerkt voor Sanne de Vries');
    expect(sent[0]?.text).not.toContain('GGZ');
    expect(sent[0]?.text).toContain(`${w.env.PUBLIC_WEB_URL}/dossier`);
  });

  it('leaves out whoever turned care-plan e-mails off', async () => {
    await w.ok(UPDATE, { a: w.ids.sanneAccount, i: { carePlanChanged: false } }, { token: w.tokens.jeroen });
    await w.db.tx((m) => onCarePlanChanged(m, w.clock.now(), { accountId: w.ids.sanneAccount, providerName: 'GGZ Voorbeeld' }));
    await run();
    expect((await mails('care-plan-changed')).map((m) => m.to)).toEqual(['sanne@example.nl']);
  });
});
