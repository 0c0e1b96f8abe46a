import { startDemoWorld, type DemoWorld } from '../../test/harness';
import { LEVELS_AND_OUTSIDER, codeOf, newPerson, reasonOf, tokensByLevel, type Who } from '../../test/circle';
import { AccessLogEntity } from '../audit/access-log.entity';
import { UserEntity } from '../accounts/user.entity';
import { InvitationEntity } from './invitation.entity';

const INVITE = `mutation($a: ID!, $i: InviteHelperInput!) { inviteHelper(accountId: $a, input: $i) { id firstName lastName email level status sentAt expiresAt } }`;
const INVITATIONS = `query($id: ID!) { account(id: $id) { invitations { id email level status expiresAt } } }`;
const PREVIEW = `query($t: String!) { invitation(token: $t) { accountDisplayName invitedBy level email expiresAt token } }`;
const ACCEPT = `mutation($t: String!, $u: RegisterInput) { acceptInvitation(token: $t, newUser: $u) { token expiresAt user { email firstName emailVerified } } }`;
const DECLINE = `mutation($t: String!) { declineInvitation(token: $t) }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(invitationId: $id) }`;
const RESEND = `mutation($id: ID!) { resendInvitation(invitationId: $id) { id status sentAt expiresAt } }`;
const PENDING = `{ viewer { pendingInvitations { accountDisplayName invitedBy level email token } } }`;
const ACCOUNTS = `{ viewer { accounts { level own account { id displayName } } } }`;

const DAY = 24 * 3600 * 1000;
const input = (email: string, level = 'BASIC') => ({ firstName: 'Noor', lastName: 'Bakker', email, level });
const ANNA = 'anna.nieuw@example.nl';

function tokenIn(text: string): string {
  const m = /token=([A-Za-z0-9_%-]+)/.exec(text);
  if (!m) throw new Error('no invitation link in the e-mail');
  return decodeURIComponent(m[1]);
}

describe('invitations', () => {
  let w: DemoWorld;
  let tokens: Record<Who, string>;
  beforeEach(async () => {
    w = await startDemoWorld();
    tokens = await tokensByLevel(w);
  });
  afterEach(() => w.close());

  async function invite(email = ANNA, level = 'BASIC') {
    // Outbox rows are ordered by time: keep each invitation's e-mail apart.
    w.clock.advance(1000);
    const data = await w.ok(INVITE, { a: w.ids.sanneAccount, i: input(email, level) }, { token: tokens.MANAGER });
    const mails = await w.outbox('invitation');
    return { invitation: data.inviteHelper, token: tokenIn(mails.at(-1)!.text), mail: mails.at(-1)! };
  }

  const expected: Record<Who, string | null> = { MANAGER: null, TRUST: 'FORBIDDEN', BASIC: 'FORBIDDEN', NONE: 'FORBIDDEN', OUTSIDER: 'NOT_FOUND' };

  it.each(LEVELS_AND_OUTSIDER)('%s: inviteHelper only by the manager', async (who) => {
    const r = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(ANNA) }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    expect(await w.outbox('invitation')).toHaveLength(who === 'MANAGER' ? 1 : 0);
  });

  it.each(LEVELS_AND_OUTSIDER)('%s: Account.invitations only for the manager', async (who) => {
    await invite();
    const r = await w.gql(INVITATIONS, { id: w.ids.sanneAccount }, { token: tokens[who] });
    expect(codeOf(r) ?? null).toBe(expected[who]);
    if (who === 'MANAGER') expect(r.data.account.invitations).toHaveLength(1);
  });

  it.each(LEVELS_AND_OUTSIDER)('%s: revokeInvitation and resendInvitation only by the manager', async (who) => {
    const { invitation } = await invite();
    const resend = await w.gql(RESEND, { id: invitation.id }, { token: tokens[who] });
    expect(codeOf(resend) ?? null).toBe(expected[who]);
    const revoke = await w.gql(REVOKE, { id: invitation.id }, { token: tokens[who] });
    expect(codeOf(revoke) ?? null).toBe(expected[who]);
    const row = await w.db.manager.findOneByOrFail(InvitationEntity, { id: invitation.id });
    expect(row.status).toBe(who === 'MANAGER' ? 'REVOKED' : 'PENDING');
  });

  it('needs a step-up', async () => {
    const fresh = await w.signIn('sanne@example.nl');
    expect(codeOf(await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(ANNA) }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
    const { invitation } = await invite();
    expect(codeOf(await w.gql(REVOKE, { id: invitation.id }, { token: fresh }))).toBe('STEP_UP_REQUIRED');
  });

  it.each(['MANAGER', 'NONE'])('refuses inviting at level %s', async (level) => {
    const r = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(ANNA, level) }, { token: tokens.MANAGER });
    expect([codeOf(r), reasonOf(r)]).toEqual(['BAD_USER_INPUT', 'INVALID_LEVEL']);
  });

  it('refuses an invalid e-mail address and an address already connected', async () => {
    const bad = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input('geen-adres') }, { token: tokens.MANAGER });
    expect([codeOf(bad), reasonOf(bad)]).toEqual(['BAD_USER_INPUT', 'INVALID_EMAIL']);
    const connected = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(' Fatima@Example.NL ') }, { token: tokens.MANAGER });
    expect([codeOf(connected), reasonOf(connected)]).toEqual(['BAD_USER_INPUT', 'ALREADY_CONNECTED']);
  });

  it('sends an e-mail that says who invites whom to whose circle at which level, with a 7-day link', async () => {
    const { invitation, mail, token } = await invite('Anna.Nieuw@Example.nl', 'TRUST');
    expect(invitation).toMatchObject({ email: ANNA, level: 'TRUST', status: 'PENDING' });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)).toBe(7 * DAY);
    expect(mail.recipient).toBe(ANNA);
    expect(mail.text).toContain('Sanne de Vries nodigt je uit in de kring van Sanne de Vries');
    expect(mail.text).toContain('vertrouwensgroep');
    expect(mail.text).toContain(`${w.env.PUBLIC_WEB_URL}/uitnodiging?token=`);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' }, take: 1 });
    expect(log[0]).toMatchObject({ action: 'HELPER_INVITED', detail: 'Noor Bakker: TRUST', basis: 'MANAGER' });
  });

  it('writes the e-mail in the inviter’s language', async () => {
    await w.db.manager.update(UserEntity, { email: 'sanne@example.nl' }, { locale: 'en' });
    const { mail } = await invite();
    expect(mail.subject).toBe('Sanne de Vries invites you to help in Kring');
    expect(mail.text).toContain('basic rights');
  });

  it('a second invitation to the same address updates the pending one', async () => {
    const first = await invite();
    const second = await invite(ANNA.toUpperCase(), 'TRUST');
    expect(second.invitation.id).toBe(first.invitation.id);
    expect(await w.db.manager.countBy(InvitationEntity, { email: ANNA })).toBe(1);
    expect(await w.ok(PREVIEW, { t: first.token })).toEqual({ invitation: null });
    expect((await w.ok(PREVIEW, { t: second.token })).invitation.level).toBe('TRUST');
  });

  it('concurrent invitations to one address leave one pending invitation (also across API processes on MySQL)', async () => {
    const results = await Promise.all(
      ['BASIC', 'TRUST', 'BASIC', 'TRUST', 'BASIC'].map((level) => w.gql(INVITE, { a: w.ids.sanneAccount, i: input(ANNA, level) }, { token: tokens.MANAGER })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await w.db.manager.countBy(InvitationEntity, { email: ANNA })).toBe(1);
    expect(await w.outbox('invitation')).toHaveLength(5);
  });

  it('answers the same for an address with and without a login (no enumeration)', async () => {
    const bram = await newPerson(w, 'Bram');
    const strip = (x: Record<string, unknown>) => ({ ...x, id: 'x', email: 'x', sentAt: 'x', expiresAt: 'x' });
    w.clock.advance(1000);
    const unknown = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(ANNA) }, { token: tokens.MANAGER });
    w.clock.advance(1000);
    const known = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input(bram.email) }, { token: tokens.MANAGER });
    expect(known.status).toBe(unknown.status);
    expect(known.errors).toBeUndefined();
    expect(strip(known.data.inviteHelper)).toEqual(strip(unknown.data.inviteHelper));
    const mails = await w.outbox('invitation');
    expect(mails.map((m) => m.recipient)).toEqual([ANNA, bram.email]);
    expect(mails[1].text.replace(/token=\S+/, '')).toEqual(mails[0].text.replace(/token=\S+/, ''));
  });

  it('previews a valid token, and gives null for unknown, expired and used ones', async () => {
    const { token } = await invite();
    const p = await w.ok(PREVIEW, { t: token });
    expect(p.invitation).toMatchObject({ accountDisplayName: 'Sanne de Vries', invitedBy: 'Sanne de Vries', level: 'BASIC', email: ANNA, token });
    expect(await w.ok(PREVIEW, { t: 'onbekend' })).toEqual({ invitation: null });
    w.clock.advance(7 * DAY + 1);
    expect(await w.ok(PREVIEW, { t: token })).toEqual({ invitation: null });
    // A week later the old session is gone: sign in again.
    const sanne = await w.signIn('sanne@example.nl');
    await w.stepUp(sanne);
    const list = await w.ok(INVITATIONS, { id: w.ids.sanneAccount }, { token: sanne });
    expect(list.account.invitations[0].status).toBe('EXPIRED');
    const accept = await w.gql(ACCEPT, { t: token, u: { firstName: 'Anna', lastName: 'Nieuw', email: ANNA, password: 'een lang wachtwoord' } });
    expect(reasonOf(accept)).toBe('INVITATION_INVALID');
  });

  it('accepts with a new login bound to the invited address: a BASIC connection, single use', async () => {
    const { token } = await invite();
    const mismatch = await w.gql(ACCEPT, { t: token, u: { firstName: 'Anna', lastName: 'Nieuw', email: 'ander@example.nl', password: 'een lang wachtwoord' } });
    expect([codeOf(mismatch), reasonOf(mismatch)]).toEqual(['BAD_USER_INPUT', 'EMAIL_MISMATCH']);
    const weak = await w.gql(ACCEPT, { t: token, u: { firstName: 'Anna', lastName: 'Nieuw', email: ANNA, password: 'kort' } });
    expect([codeOf(weak), reasonOf(weak)]).toEqual(['BAD_USER_INPUT', 'TOO_SHORT']);
    const data = await w.ok(ACCEPT, { t: token, u: { firstName: 'Anna', lastName: 'Nieuw', email: 'ANNA.nieuw@example.nl', password: 'een lang wachtwoord' } });
    expect(data.acceptInvitation.user).toEqual({ email: ANNA, firstName: 'Anna', emailVerified: true });
    const session = data.acceptInvitation.token as string;
    const accounts = await w.ok(ACCOUNTS, {}, { token: session });
    expect(accounts.viewer.accounts).toEqual([
      { level: 'MANAGER', own: true, account: expect.objectContaining({ displayName: 'Anna Nieuw' }) },
      { level: 'BASIC', own: false, account: { id: w.ids.sanneAccount, displayName: 'Sanne de Vries' } },
    ]);
    // Sees the calendar-level rights but not the dossier.
    const rights = await w.ok(`query($id: ID!) { account(id: $id) { myRights } }`, { id: w.ids.sanneAccount }, { token: session });
    expect(rights.account.myRights).toContain('VIEW_CALENDAR');
    expect(rights.account.myRights).not.toContain('VIEW_DOSSIER');
    const again = await w.gql(ACCEPT, { t: token, u: { firstName: 'Anna', lastName: 'Nieuw', email: ANNA, password: 'een lang wachtwoord' } });
    expect(reasonOf(again)).toBe('INVITATION_INVALID');
    const list = await w.ok(INVITATIONS, { id: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect(list.account.invitations[0].status).toBe('ACCEPTED');
    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' } });
    expect(log.some((e) => e.action === 'INVITATION_ACCEPTED' && e.actorName === 'Anna Nieuw' && e.detail === 'Anna Nieuw: BASIC')).toBe(true);
    expect((await w.outbox('invitation-accepted')).map((m) => m.recipient)).toEqual(['sanne@example.nl']);
  });

  it('accepts for a signed-in user whose e-mail matches, and only for them', async () => {
    const bram = await newPerson(w, 'Bram');
    const other = await newPerson(w, 'Otto');
    const { token } = await invite(bram.email, 'TRUST');
    expect(codeOf(await w.gql(ACCEPT, { t: token }))).toBe('UNAUTHENTICATED');
    const wrong = await w.gql(ACCEPT, { t: token }, { token: other.token });
    expect(reasonOf(wrong)).toBe('EMAIL_MISMATCH');
    const exists = await w.gql(ACCEPT, { t: token, u: { firstName: 'B', lastName: 'B', email: bram.email, password: 'een lang wachtwoord' } });
    expect(reasonOf(exists)).toBe('LOGIN_EXISTS');
    const ok = await w.ok(ACCEPT, { t: token }, { token: bram.token });
    expect(ok.acceptInvitation.user.email).toBe(bram.email);
    const accounts = await w.ok(ACCOUNTS, {}, { token: bram.token });
    expect(accounts.viewer.accounts.map((a: { level: string }) => a.level)).toEqual(['MANAGER', 'TRUST']);
  });

  it('shows a signed-in invitee their pending invitations with a token that works for them only', async () => {
    const bram = await newPerson(w, 'Bram');
    const other = await newPerson(w, 'Otto');
    const { token: mailed } = await invite(bram.email);
    expect((await w.ok(PENDING, {}, { token: other.token })).viewer.pendingInvitations).toEqual([]);
    const pending = (await w.ok(PENDING, {}, { token: bram.token })).viewer.pendingInvitations;
    expect(pending).toEqual([
      { accountDisplayName: 'Sanne de Vries', invitedBy: 'Sanne de Vries', level: 'BASIC', email: bram.email, token: expect.any(String) },
    ]);
    const claim = pending[0].token as string;
    expect(claim).not.toBe(mailed);
    // The e-mailed link keeps working beside it.
    expect((await w.ok(PREVIEW, { t: mailed })).invitation).not.toBeNull();
    expect(reasonOf(await w.gql(ACCEPT, { t: claim }, { token: other.token }))).toBe('EMAIL_MISMATCH');
    expect(reasonOf(await w.gql(DECLINE, { t: claim }, { token: other.token }))).toBe('INVITATION_INVALID');
    await w.ok(ACCEPT, { t: claim }, { token: bram.token });
    expect((await w.ok(PENDING, {}, { token: bram.token })).viewer.pendingInvitations).toEqual([]);
    expect(await w.ok(PREVIEW, { t: mailed })).toEqual({ invitation: null });
  });

  it('declines: the invitation is DECLINED, the link dead, the manager told', async () => {
    const { token, invitation } = await invite();
    expect(await w.ok(DECLINE, { t: token })).toEqual({ declineInvitation: true });
    const list = await w.ok(INVITATIONS, { id: w.ids.sanneAccount }, { token: tokens.MANAGER });
    expect(list.account.invitations).toEqual([expect.objectContaining({ id: invitation.id, status: 'DECLINED' })]);
    expect(reasonOf(await w.gql(DECLINE, { t: token }))).toBe('INVITATION_INVALID');
    expect(reasonOf(await w.gql(ACCEPT, { t: token, u: { firstName: 'A', lastName: 'N', email: ANNA, password: 'een lang wachtwoord' } }))).toBe('INVITATION_INVALID');
    expect((await w.outbox('invitation-declined')).map((m) => m.recipient)).toEqual(['sanne@example.nl']);
  });

  it('revoking kills the link; revoking twice is refused', async () => {
    const { token, invitation } = await invite();
    await w.ok(REVOKE, { id: invitation.id }, { token: tokens.MANAGER });
    expect(await w.ok(PREVIEW, { t: token })).toEqual({ invitation: null });
    const twice = await w.gql(REVOKE, { id: invitation.id }, { token: tokens.MANAGER });
    expect(reasonOf(twice)).toBe('NOT_PENDING');
    const log = await w.db.manager.find(AccessLogEntity, { where: { accountId: w.ids.sanneAccount }, order: { seq: 'DESC' }, take: 1 });
    expect(log[0]).toMatchObject({ action: 'INVITATION_REVOKED' });
  });

  it('resending gives a new token and a new 7 days; the old link stops working', async () => {
    const { token: old, invitation } = await invite();
    w.clock.advance(6 * DAY);
    const sanne = await w.signIn('sanne@example.nl');
    await w.stepUp(sanne);
    const data = await w.ok(RESEND, { id: invitation.id }, { token: sanne });
    expect(Date.parse(data.resendInvitation.expiresAt)).toBe(w.clock.now().getTime() + 7 * DAY);
    const mails = await w.outbox('invitation');
    expect(mails).toHaveLength(2);
    const fresh = tokenIn(mails[1].text);
    expect(await w.ok(PREVIEW, { t: old })).toEqual({ invitation: null });
    w.clock.advance(3 * DAY);
    expect((await w.ok(PREVIEW, { t: fresh })).invitation.email).toBe(ANNA);
  });

  it('limits invitations per account per day (no e-mail spam)', async () => {
    for (let i = 0; i < 25; i++) await invite(`gast${i}@example.nl`);
    const r = await w.gql(INVITE, { a: w.ids.sanneAccount, i: input('nog-een@example.nl') }, { token: tokens.MANAGER });
    expect(codeOf(r)).toBe('RATE_LIMITED');
    expect(await w.outbox('invitation')).toHaveLength(25);
    w.clock.advance(24 * 3600 * 1000);
    const sanne = await w.signIn('sanne@example.nl');
    await w.stepUp(sanne);
    expect((await w.gql(INVITE, { a: w.ids.sanneAccount, i: input('nog-een@example.nl') }, { token: sanne })).errors).toBeUndefined();
  });

  it("no invitation id crosses accounts (QUALITY.md 14)", async () => {
    const bram = await newPerson(w, 'Bram');
    await w.stepUp(bram.token);
    const theirs = await w.ok(INVITE, { a: bram.accountId, i: input(ANNA) }, { token: bram.token });
    for (const who of ['MANAGER', 'TRUST', 'BASIC', 'NONE'] as const) {
      expect(codeOf(await w.gql(REVOKE, { id: theirs.inviteHelper.id }, { token: tokens[who] }))).toBe('NOT_FOUND');
      expect(codeOf(await w.gql(RESEND, { id: theirs.inviteHelper.id }, { token: tokens[who] }))).toBe('NOT_FOUND');
      expect(codeOf(await w.gql(INVITE, { a: bram.accountId, i: input('x@example.nl') }, { token: tokens[who] }))).toBe('NOT_FOUND');
    }
  });
});
