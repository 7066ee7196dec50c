import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { adminContacts, auditPage, caseMemberPage, reinviteResponse, resetLinkResponse, user as userSchema } from '@habeas/contracts';
import { expectBody, FIXTURE_PASSWORD, Fixtures } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const NEW_PASSWORD = 'a-fresh-passphrase-after-reset-9';

describe('admin screens: invites, roles, team, audit log and password reset (no mail configured)', () => {
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
  });
  after(() => t?.close());

  it('shows an invited user as pending until the invite is accepted, with the link’s expiry', async () => {
    const invited = await f.newInvite();
    const pending = expectBody(await f.admin.get(`/api/users/${invited.id}`), 200, userSchema);
    assert.equal(pending.status, 'invited');
    assert.ok(pending.inviteExpiresAt && new Date(pending.inviteExpiresAt) > new Date(Date.now() + 6 * 86_400_000));
    assert.equal((await t.client().post('/api/auth/invites/accept', { token: invited.token, password: NEW_PASSWORD })).status, 204);
    const accepted = expectBody(await f.admin.get(`/api/users/${invited.id}`), 200, userSchema);
    assert.deepEqual([accepted.status, accepted.inviteExpiresAt], ['active', null]);
  });

  it('resends an invite with a new link and the old one stops working', async () => {
    const invited = await f.newInvite();
    const resent = expectBody(await f.admin.post(`/api/users/${invited.id}/invite`), 201, reinviteResponse);
    assert.equal(resent.mailed, false, 'no mail without SMTP_URL');
    const old = await t.client().post('/api/auth/invites/accept', { token: invited.token, password: NEW_PASSWORD });
    assert.equal(old.status, 400);
    const token = resent.inviteUrl.split('/').pop();
    assert.equal((await t.client().post('/api/auth/invites/accept', { token, password: NEW_PASSWORD })).status, 204);
  });

  it('revokes a pending invite: the link stops working and the account is disabled, not deleted', async () => {
    const invited = await f.newInvite();
    const revoked = expectBody(await f.admin.delete(`/api/users/${invited.id}/invite`), 200, userSchema);
    assert.deepEqual([revoked.status, revoked.inviteExpiresAt], ['disabled', null]);
    assert.equal((await t.client().post('/api/auth/invites/accept', { token: invited.token, password: NEW_PASSWORD })).status, 400);
    const log = expectBody(await f.admin.get(`/api/audit-log?entityType=user&entityId=${invited.id}&action=user.invite-revoked`), 200, auditPage);
    assert.equal(log.items.length, 1);
  });

  it('refuses to revoke the invite of a user who already has a password (409)', async () => {
    const active = await f.newUser('lawyer', { signIn: false });
    assert.equal((await f.admin.delete(`/api/users/${active.id}/invite`)).status, 409);
  });

  it('records a role change with before and after, and a disabling as its own entry', async () => {
    const someone = await f.newUser('lawyer', { signIn: false });
    assert.equal((await f.admin.patch(`/api/users/${someone.id}`, { role: 'medical' })).status, 200);
    assert.equal((await f.admin.patch(`/api/users/${someone.id}`, { disabled: true })).status, 200);
    const log = expectBody(await f.admin.get(`/api/audit-log?entityType=user&entityId=${someone.id}`), 200, auditPage);
    const roleChange = log.items.find((entry) => entry.action === 'user.role-changed');
    assert.deepEqual(roleChange?.details, { before: { role: 'lawyer' }, after: { role: 'medical' } });
    assert.equal(roleChange?.entityTitle, 'Fixture lawyer', 'the user is named');
    assert.ok(roleChange?.actorName, 'the admin is named');
    assert.deepEqual(log.items.find((entry) => entry.action === 'user.disabled')?.details, { before: { disabled: false }, after: { disabled: true } });
    assert.equal(log.items.filter((entry) => entry.action === 'user.update').length, 0);
  });

  it('lets an admin add and remove a case member, and every member see the team', async () => {
    const lawyer = await f.newUser('lawyer');
    const medic = await f.newUser('medical');
    const theCase = await f.newCase({ members: [lawyer] });
    assert.equal((await medic.client.get(`/api/cases/${theCase.id}/team`)).status, 404, 'not on the case yet');
    await f.addMember(theCase.id, medic);
    const team = expectBody(await medic.client.get(`/api/cases/${theCase.id}/team`), 200, caseMemberPage);
    assert.deepEqual(team.items.map((member) => member.userId).sort(), [lawyer.id, medic.id].sort());
    assert.equal((await lawyer.client.post(`/api/cases/${theCase.id}/members`, { userId: medic.id, roleOnCase: 'counsel' })).status, 403);
    assert.equal((await f.admin.delete(`/api/cases/${theCase.id}/members/${medic.id}`)).status, 204);
    assert.equal((await medic.client.get(`/api/cases/${theCase.id}/team`)).status, 404, 'removed: the case is gone for them');
    const afterRemoval = expectBody(await lawyer.client.get(`/api/cases/${theCase.id}/team`), 200, caseMemberPage);
    assert.deepEqual(
      afterRemoval.items.map((member) => member.userId),
      [lawyer.id],
    );
  });

  it('names the admins a user without cases can ask', async () => {
    const newcomer = await f.newUser('lawyer');
    const contacts = expectBody(await newcomer.client.get('/api/users/admins'), 200, adminContacts);
    assert.ok(contacts.items.some((admin) => admin.email === 'admin@demo.local'));
  });

  it('collapses the reads of one list into one entry with the count, and keeps one row per record underneath', async () => {
    const medic = await f.newUser('medical');
    const theCase = await f.newCase({ members: [medic] });
    for (let i = 0; i < 3; i++) await f.newIncident(theCase.id);
    assert.equal((await medic.client.get(`/api/cases/${theCase.id}/medical-incidents`)).status, 200);
    const collapsed = expectBody(await f.admin.get(`/api/audit-log?actorId=${medic.id}&action=medical_incident.read&collapse=true`), 200, auditPage);
    assert.equal(collapsed.items.length, 1);
    assert.equal(collapsed.items[0].count, 3);
    assert.equal(collapsed.items[0].entityIds?.length, 3);
    assert.equal(collapsed.items[0].caseTitle, `Case ${theCase.slug}`);
    const raw = expectBody(await f.admin.get(`/api/audit-log?actorId=${medic.id}&action=medical_incident.read`), 200, auditPage);
    assert.equal(raw.items.length, 3, 'every record read stays recorded');
  });

  it('lists the actions the log holds for the filter', async () => {
    const actions = (await f.admin.get('/api/audit-log/actions')).body.items as string[];
    assert.ok(actions.includes('user.create'));
    assert.deepEqual([...actions].sort(), actions);
  });

  it('without mail, "forgot password" mails nothing and says so; an admin’s link works once', async () => {
    const someone = await f.newUser('lawyer');
    const asked = await t.client().post('/api/auth/password-reset/request', { email: someone.email });
    assert.deepEqual([asked.status, asked.body], [202, { byMail: false }]);
    const { rows } = await t.db.query(`select count(*)::int as n from password_resets p join users u on u.id = p.user_id where u.email = $1`, [someone.email]);
    assert.equal(rows[0].n, 0);

    const issued = expectBody(await f.admin.post(`/api/users/${someone.id}/password-reset`), 201, resetLinkResponse);
    const token = issued.resetUrl.split('/').pop();
    assert.match(issued.resetUrl, /\/reset-password\/[\w-]{20,}$/);
    assert.equal((await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status, 204);
    assert.equal((await someone.client.get('/api/auth/me')).status, 401, 'the old sessions ended');
    assert.equal((await t.client().post('/api/auth/login', { email: someone.email, password: NEW_PASSWORD })).status, 200);
    const again = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'yet-another-passphrase-11' });
    assert.equal(again.status, 400, 'a link works once');
  });

  it('refuses an expired reset link, and a short or common password, with 400', async () => {
    const someone = await f.newUser('lawyer', { signIn: false });
    const token = expectBody(await f.admin.post(`/api/users/${someone.id}/password-reset`), 201, resetLinkResponse)
      .resetUrl.split('/')
      .pop();
    assert.equal((await t.client().post('/api/auth/password-reset/confirm', { token, password: 'short' })).status, 400);
    await t.db.query(`update password_resets set expires_at = now() - interval '1 minute' where user_id = $1`, [someone.id]);
    const expired = await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD });
    assert.equal(expired.status, 400);
    assert.equal((await t.client().post('/api/auth/login', { email: someone.email, password: FIXTURE_PASSWORD })).status, 200, 'the password is unchanged');
  });

  it('gives an invited user no reset link (409): they get a new invite instead', async () => {
    const invited = await f.newInvite();
    assert.equal((await f.admin.post(`/api/users/${invited.id}/password-reset`)).status, 409);
  });
});

describe('password reset by mail (SMTP configured)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: sink.url } });
    f = await Fixtures.of(t);
  });
  after(async () => {
    await t?.close();
    await sink?.close();
  });

  it('mails a one-time link through the outbox; unknown addresses get the same answer and no mail', async () => {
    const someone = await f.newUser('medical', { signIn: false });
    const unknown = await t.client().post('/api/auth/password-reset/request', { email: 'nobody-here@fixture.test' });
    assert.deepEqual([unknown.status, unknown.body], [202, { byMail: true }]);
    const asked = await t.client().post('/api/auth/password-reset/request', { email: someone.email.toUpperCase() });
    assert.deepEqual([asked.status, asked.body], [202, { byMail: true }]);
    const mail = await waitFor('the reset mail', () => sink.received.find((received) => received.to.includes(someone.email)));
    assert.ok(!sink.received.some((received) => received.to.includes('nobody-here@fixture.test')), 'no mail for an unknown address');
    const raw = mail.raw.replace(/=\r?\n/g, '');
    const token = raw.match(/reset-password\/([\w-]{20,})/)?.[1];
    assert.ok(token, 'the mail carries the link');
    assert.equal((await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status, 204);
    assert.equal((await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD })).status, 400);
    assert.equal((await t.client().post('/api/auth/login', { email: someone.email, password: NEW_PASSWORD })).status, 200);
  });

  it('resends an invite by mail as well', async () => {
    const invited = await f.newInvite();
    const resent = expectBody(await f.admin.post(`/api/users/${invited.id}/invite`), 201, reinviteResponse);
    assert.equal(resent.mailed, true);
    const mail = await waitFor('the invite mail', () => sink.received.find((received) => received.to.includes(invited.email)));
    assert.ok(mail.raw.replace(/=\r?\n/g, '').includes(resent.inviteUrl));
  });
});
