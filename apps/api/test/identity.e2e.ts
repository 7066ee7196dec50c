import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

import { SESSION_COOKIE as SESSION } from '../src/auth/cookies';

const NEW_PASSWORD = 'a-fresh-long-passphrase-71';

describe('identity: sessions, CSRF, MFA and throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('sets an HttpOnly SameSite=Strict session cookie and a readable csrf cookie; failures look the same for unknown emails', async () => {
    const login = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD });
    assert.equal(login.status, 200);
    assert.deepEqual(Object.keys(login.body.user).sort(), [
      'advocateRegistryNumber',
      'email',
      'id',
      'language',
      'mfaEnabled',
      'mfaSetupRequired',
      'name',
      'role',
    ]);
    const cookies = login.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith(`${SESSION}=`))!;
    const csrf = cookies.find((c) => c.startsWith('csrf='))!;
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Strict/i);
    assert.match(csrf, /SameSite=Strict/i);
    assert.doesNotMatch(csrf, /HttpOnly/i);
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody-here@demo.local', password: 'whatever-password-1' });
    const wrong = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: 'whatever-password-1' });
    assert.equal(unknown.status, 401);
    assert.deepEqual({ ...unknown.body, requestId: null }, { ...wrong.body, requestId: null });
  });

  it('logout kills the session at once (401 afterwards, with the old cookie too)', async () => {
    const client = await t.signIn('lawyer@demo.local');
    const saved = new Map(client.cookies);
    assert.equal((await client.get('/api/auth/me')).status, 200);
    assert.equal((await client.post('/api/auth/logout')).status, 204);
    for (const [k, v] of saved) client.cookies.set(k, v);
    assert.equal((await client.get('/api/auth/me')).status, 401);
  });

  it('refuses state changes without the CSRF header or with a wrong one (403)', async () => {
    const client = await t.signIn('admin@demo.local');
    const missing = await client.post('/api/auth/mfa/setup', undefined, { 'x-csrf-token': '' });
    assert.equal(missing.status, 403);
    const wrong = await client.post('/api/auth/mfa/setup', undefined, { 'x-csrf-token': 'not-the-cookie-value' });
    assert.equal(wrong.status, 403);
    assert.equal((await client.get('/api/auth/me')).status, 200, 'reads need no header');
  });

  it('rotates the session cookie at sign-in and ends the previous session', async () => {
    const client = await t.signIn('medic@demo.local');
    const first = client.cookies.get(SESSION);
    const again = await client.post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    assert.equal(again.status, 200);
    const second = client.cookies.get(SESSION);
    assert.ok(first && second && first !== second, 'a new session id');
    const old = t.client();
    old.cookies.set(SESSION, first);
    assert.equal((await old.get('/api/auth/me')).status, 401, 'the pre-login session is dead');
    assert.equal((await client.get('/api/auth/me')).status, 200);
  });

  it('ends the sessions of a user whose role changes, and the next sign-in gets a new cookie', async () => {
    const admin = await t.signIn('admin@demo.local');
    const created = await admin.post('/api/users', { email: 'rotate@demo.local', name: 'Rotate Me', role: 'lawyer', password: NEW_PASSWORD });
    assert.equal(created.status, 201);
    const user = await t.signIn('rotate@demo.local', NEW_PASSWORD);
    const before = user.cookies.get(SESSION);
    assert.equal((await admin.patch(`/api/users/${created.body.id}`, { role: 'medical' })).status, 200);
    assert.equal((await user.get('/api/auth/me')).status, 401, 'the old session died with the privilege change');
    const again = await t.signIn('rotate@demo.local', NEW_PASSWORD);
    const me = await again.get('/api/auth/me');
    assert.equal(me.body.user.role, 'medical');
    assert.ok(before && again.cookies.get(SESSION) && again.cookies.get(SESSION) !== before, 'the session cookie value changed');
  });

  it('disabling a user kills their sessions at once and refuses sign-in', async () => {
    const admin = await t.signIn('admin@demo.local');
    const created = await admin.post('/api/users', { email: 'leaver@demo.local', name: 'Leaver', role: 'lawyer', password: NEW_PASSWORD });
    const user = await t.signIn('leaver@demo.local', NEW_PASSWORD);
    assert.equal((await user.get('/api/auth/me')).status, 200);
    assert.equal((await admin.patch(`/api/users/${created.body.id}`, { disabled: true })).status, 200);
    assert.equal((await user.get('/api/auth/me')).status, 401);
    const login = await t.client().post('/api/auth/login', { email: 'leaver@demo.local', password: NEW_PASSWORD });
    assert.equal(login.status, 401);
  });

  it('expires a session after the idle limit and after the absolute limit', async () => {
    const idle = await t.signIn('finance@demo.local');
    const ids = async () =>
      (await t.db.query(`select id from sessions where revoked_at is null and user_id = (select id from users where email = 'finance@demo.local')`)).rows;
    const [idleRow] = await ids();
    await t.db.query(`update sessions set last_seen_at = now() - interval '4 hours 1 minute' where id = $1`, [idleRow.id]);
    assert.equal((await idle.get('/api/auth/me')).status, 401, 'idle too long');

    const absolute = await t.signIn('finance@demo.local');
    const rows = await ids();
    const fresh = rows.find((r: { id: string }) => r.id !== idleRow.id)!;
    assert.equal((await absolute.get('/api/auth/me')).status, 200);
    await t.db.query(
      `update sessions set created_at = now() - interval '25 hours', expires_at = now() - interval '1 minute', last_seen_at = now() where id = $1`,
      [fresh.id],
    );
    assert.equal((await absolute.get('/api/auth/me')).status, 401, 'past the absolute limit although recently active');
  });

  it('lists own sessions with device, IP and last seen, and ends another one', async () => {
    const laptop = await t.signIn('lawyer2@demo.local');
    const phone = t.client();
    const login = await phone.post(
      '/api/auth/login',
      { email: 'lawyer2@demo.local', password: DEMO_PASSWORD },
      { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1' },
    );
    assert.equal(login.status, 200);
    const list = await laptop.get('/api/auth/sessions');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    assert.equal(other.device, 'Safari · iOS');
    assert.ok(other.ip && other.lastSeenAt);
    assert.equal((await laptop.delete(`/api/auth/sessions/${other.id}`)).status, 204);
    assert.equal((await phone.get('/api/auth/me')).status, 401);
    // Someone else's session id answers 404 like a missing one.
    const admin = await t.signIn('admin@demo.local');
    const mine = (await laptop.get('/api/auth/sessions')).body.items[0];
    assert.equal((await admin.delete(`/api/auth/sessions/${mine.id}`)).status, 404);
    assert.equal((await laptop.get('/api/auth/me')).status, 200);
  });

  it('lets an admin end all sessions of a user', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const admin = await t.signIn('admin@demo.local');
    const id = (await lawyer.get('/api/auth/me')).body.user.id;
    const ended = await admin.post(`/api/users/${id}/sessions/revoke`);
    assert.equal(ended.status, 201);
    assert.ok(ended.body.ended >= 1);
    assert.equal((await lawyer.get('/api/auth/me')).status, 401);
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const admin = await t.signIn('admin@demo.local');
    await admin.post('/api/users', { email: 'changer@demo.local', name: 'Changer', role: 'lawyer', password: NEW_PASSWORD });
    const here = await t.signIn('changer@demo.local', NEW_PASSWORD);
    const elsewhere = await t.signIn('changer@demo.local', NEW_PASSWORD);
    const wrong = await here.post('/api/auth/password', { currentPassword: 'not-my-password-at-all', newPassword: 'another-long-passphrase-99' });
    assert.equal(wrong.status, 403);
    const weak = await here.post('/api/auth/password', { currentPassword: NEW_PASSWORD, newPassword: 'short' });
    assert.equal(weak.status, 400);
    const ok = await here.post('/api/auth/password', { currentPassword: NEW_PASSWORD, newPassword: 'another-long-passphrase-99' });
    assert.equal(ok.status, 204);
    assert.equal((await here.get('/api/auth/me')).status, 200, 'this session stays');
    assert.equal((await elsewhere.get('/api/auth/me')).status, 401, 'other sessions end');
    assert.equal((await t.client().post('/api/auth/login', { email: 'changer@demo.local', password: NEW_PASSWORD })).status, 401);
    assert.equal((await t.client().post('/api/auth/login', { email: 'changer@demo.local', password: 'another-long-passphrase-99' })).status, 200);
  });

  it('MFA: sign-in needs a TOTP computed from the secret; a recovery code works exactly once', async () => {
    const admin = await t.signIn('admin@demo.local');
    await admin.post('/api/users', { email: 'mfa@demo.local', name: 'Mfa User', role: 'lawyer', password: NEW_PASSWORD });
    const user = await t.signIn('mfa@demo.local', NEW_PASSWORD);
    const setup = await user.post('/api/auth/mfa/setup');
    assert.equal(setup.status, 200);
    assert.match(setup.body.otpauthUrl, /^otpauth:\/\/totp\//);
    const secret: string = setup.body.secret;
    assert.equal((await user.post('/api/auth/mfa/enable', { totp: '000000' })).status, 422);
    assert.equal((await user.post('/api/auth/mfa/enable', { totp: authenticator.generate(secret) })).status, 204);
    const issued = await user.post('/api/auth/mfa/recovery-codes', {});
    assert.equal(issued.status, 200);
    const codes: string[] = issued.body.codes;
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    const stored = await t.db.query(`select code_hash from mfa_recovery_codes c join users u on u.id = c.user_id where u.email = 'mfa@demo.local'`);
    assert.equal(stored.rowCount, 10);
    assert.ok(
      stored.rows.every((r: { code_hash: Buffer }) => !r.code_hash.toString('latin1').includes(codes[0])),
      'stored hashed',
    );
    // Regenerating later needs the password again.
    assert.equal((await user.post('/api/auth/mfa/recovery-codes', {})).status, 403);

    const noCode = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD });
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.mfaRequired, true);
    const badCode = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD, totp: '123456' });
    assert.equal(badCode.status, 401);
    assert.equal(badCode.body.mfaRequired, true);
    // Enabling used up the current code; the next step's code is within the accepted window.
    const code = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    const good = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD, totp: code });
    assert.equal(good.status, 200);
    assert.equal(good.body.user.mfaEnabled, true);
    const replayed = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD, totp: code });
    assert.equal(replayed.status, 401, 'a code that signed in once cannot be replayed in its window');
    assert.equal(replayed.body.mfaRequired, true);

    const first = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD, totp: codes[3].toUpperCase() });
    assert.equal(first.status, 200, 'a recovery code instead of the TOTP');
    const reused = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD, totp: codes[3] });
    assert.equal(reused.status, 401, 'the same recovery code does not work twice');
    assert.equal((await user.get('/api/auth/mfa/recovery-codes')).body.remaining, 9);

    const audit = await t.db.query(`select action from audit_log where action like 'auth.%mfa%' or action like 'auth.recovery%'`);
    const actions = audit.rows.map((r: { action: string }) => r.action);
    assert.ok(actions.includes('auth.mfa-enabled') && actions.includes('auth.recovery-code-used'));

    assert.equal((await user.post('/api/auth/mfa/disable', { password: 'wrong-password-here' })).status, 403);
    assert.equal((await user.post('/api/auth/mfa/disable', { password: NEW_PASSWORD })).status, 204);
    const plain = await t.client().post('/api/auth/login', { email: 'mfa@demo.local', password: NEW_PASSWORD });
    assert.equal(plain.status, 200, 'no code needed once MFA is off');
  });

  it('walks a user of a role that requires MFA through setup before anything else', async () => {
    const admin = await t.signIn('admin@demo.local');
    const medic = await t.signIn('medic@demo.local');
    assert.equal((await medic.get('/api/cases')).status, 200);
    const set = await admin.put('/api/settings/mfa', { requiredRoles: ['medical'] });
    assert.equal(set.status, 200);
    assert.deepEqual((await admin.get('/api/settings/mfa')).body.requiredRoles, ['medical']);
    assert.equal((await t.signIn('lawyer@demo.local').then((c) => c.get('/api/cases'))).status, 200, 'other roles unaffected');

    const login = await t.client().post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.mfaSetupRequired, true);
    const blocked = await medic.get('/api/cases');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.mfaSetupRequired, true);
    const setup = await medic.post('/api/auth/mfa/setup');
    assert.equal(setup.status, 200);
    assert.equal((await medic.post('/api/auth/mfa/enable', { totp: authenticator.generate(setup.body.secret) })).status, 204);
    assert.equal((await medic.get('/api/cases')).status, 200, 'open again once MFA is on');
    assert.equal((await medic.get('/api/auth/me')).body.user.mfaSetupRequired, false);
    const keep = await medic.post('/api/auth/mfa/disable', { password: DEMO_PASSWORD });
    assert.equal(keep.status, 409, 'a required MFA cannot be turned off');
    assert.equal((await medic.put('/api/settings/mfa', { requiredRoles: [] })).status, 403, 'only admins change the setting');
    assert.equal((await admin.put('/api/settings/mfa', { requiredRoles: ['nobody'] })).status, 400);
    await admin.put('/api/settings/mfa', { requiredRoles: [] });
  });

  it('answers 429 after ten failures for one email while another email still signs in', async () => {
    const attacker = t.client();
    for (let i = 0; i < 10; i++) {
      const r = await attacker.post('/api/auth/login', { email: 'finance@demo.local', password: `wrong-guess-${i}` });
      assert.equal(r.status, 401);
    }
    const blocked = await attacker.post('/api/auth/login', { email: 'finance@demo.local', password: DEMO_PASSWORD });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.statusCode, 429);
    const other = await t.client().post('/api/auth/login', { email: 'lawyer2@demo.local', password: DEMO_PASSWORD });
    assert.equal(other.status, 200);
  });
});
