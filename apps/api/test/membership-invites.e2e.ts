import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Fixtures } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const INVITE_REFUSED = 'This invite link is invalid, used or expired; ask an admin for a new one';

describe('case members, invites, and writes across cases', () => {
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
  });
  after(() => t?.close());

  it('gives an added member the case and takes it away again when they are removed', async () => {
    const lawyer = await f.newUser('lawyer');
    const theCase = await f.newCase();
    assert.equal((await lawyer.client.get(`/api/cases/${theCase.id}`)).status, 404, 'not a member yet');
    await f.addMember(theCase.id, lawyer);
    assert.equal((await lawyer.client.get(`/api/cases/${theCase.id}`)).status, 200);
    const members = await f.admin.get(`/api/cases/${theCase.id}/members`);
    assert.deepEqual(
      members.body.items.map((m: { userId: string; roleOnCase: string }) => [m.userId, m.roleOnCase]),
      [[lawyer.id, 'counsel']],
    );
    const again = await f.admin.post(`/api/cases/${theCase.id}/members`, { userId: lawyer.id, roleOnCase: 'lead_counsel' });
    assert.equal(again.status, 201, 'adding again changes the role on the case');
    assert.deepEqual(
      (await f.admin.get(`/api/cases/${theCase.id}/members`)).body.items.map((m: { userId: string; roleOnCase: string }) => [m.userId, m.roleOnCase]),
      [[lawyer.id, 'lead_counsel']],
      'still one membership',
    );
    const finance = await f.newUser('finance', { signIn: false });
    assert.equal((await f.admin.post(`/api/cases/${theCase.id}/members`, { userId: finance.id, roleOnCase: 'coordinator' })).status, 422);

    assert.equal((await f.admin.delete(`/api/cases/${theCase.id}/members/${lawyer.id}`)).status, 204);
    assert.equal((await lawyer.client.get(`/api/cases/${theCase.id}`)).status, 404, 'removed: the case is gone for them');
    assert.deepEqual((await f.admin.get(`/api/cases/${theCase.id}/members`)).body.items, []);
    assert.equal((await f.admin.delete(`/api/cases/${theCase.id}/members/${lawyer.id}`)).status, 404, 'removing twice');
  });

  it('accepts an invite once, and refuses an unknown, a used and an expired one without changing the password', async () => {
    const client = () => t.client();
    const unknown = await client().post('/api/auth/invites/accept', { token: 'x'.repeat(43), password: 'an-invited-passphrase-1' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.message, INVITE_REFUSED);

    const invite = await f.newInvite('lawyer');
    assert.equal((await client().post('/api/auth/invites/accept', { token: invite.token, password: 'first-passphrase-of-mine' })).status, 204);
    assert.equal((await client().post('/api/auth/login', { email: invite.email, password: 'first-passphrase-of-mine' })).status, 200);
    const reused = await client().post('/api/auth/invites/accept', { token: invite.token, password: 'second-passphrase-of-mine' });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.message, INVITE_REFUSED);
    assert.equal((await client().post('/api/auth/login', { email: invite.email, password: 'second-passphrase-of-mine' })).status, 401);
    assert.equal((await client().post('/api/auth/login', { email: invite.email, password: 'first-passphrase-of-mine' })).status, 200);

    const late = await f.newInvite('medical');
    await t.db.query(`update user_invites set expires_at = now() - interval '1 second' where user_id = $1`, [late.id]);
    const expired = await client().post('/api/auth/invites/accept', { token: late.token, password: 'too-late-passphrase-1' });
    assert.equal(expired.status, 400);
    assert.equal(expired.body.message, INVITE_REFUSED);
    const [user] = (await t.db.query(`select password_hash from users where id = $1`, [late.id])).rows;
    assert.equal(user.password_hash, null, 'an expired invite sets no password');
  });

  describe('a member of another case', () => {
    let outsider: Awaited<ReturnType<Fixtures['newUser']>>;
    let home: Awaited<ReturnType<Fixtures['newCase']>>;
    before(async () => {
      outsider = await f.newUser('lawyer');
      await f.newCase({ members: [outsider] });
      home = await f.newCase();
    });

    it('cannot rename a document of this case: 404, and the title stays', async () => {
      const document = await f.newDocument(home.id);
      const attempt = await outsider.client.patch(`/api/documents/${document.id}`, { title: 'Taken over' });
      assert.equal(attempt.status, 404);
      assert.equal((await f.admin.get(`/api/documents/${document.id}`)).body.title, document.title);
    });

    it('cannot resolve an alert of this case: 404, and it stays open', async () => {
      const medic = await f.newUser('medical');
      await f.newCase({ members: [medic] });
      const { alert } = await f.newAlert(home.id);
      const attempt = await medic.client.post(`/api/medical-alerts/${alert.id}/resolve`, { note: 'Not mine' });
      assert.equal(attempt.status, 404);
      const alerts = await f.admin.get(`/api/medical-alerts?caseId=${home.id}&limit=100`);
      assert.equal(alerts.body.items.find((a: { id: string }) => a.id === alert.id).status, 'open');
    });

    it('cannot generate a filing from a legal action of this case: 404, and no document is made', async () => {
      const action = await f.newLegalAction(home.id);
      const documentsBefore = (await f.admin.get(`/api/cases/${home.id}/documents?limit=100`)).body.items.length;
      const attempt = await outsider.client.post(`/api/legal-actions/${action.id}/generate`, { format: 'markdown' });
      assert.equal(attempt.status, 404);
      assert.equal((await f.admin.get(`/api/cases/${home.id}/documents?limit=100`)).body.items.length, documentsBefore);
      const generated = await f.admin.post(`/api/legal-actions/${action.id}/generate`, { format: 'markdown' });
      assert.equal(generated.status, 201, 'the same request by a member of the case works');
      assert.equal((await f.admin.get(`/api/cases/${home.id}/documents?limit=100`)).body.items.length, documentsBefore + 1);
    });
  });
});
