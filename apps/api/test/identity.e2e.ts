import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { HttpClient } from './support/http-client';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

const sessionCookie = (client: HttpClient) => client.cookies.get('habeas_session');

async function enableMfa(client: HttpClient): Promise<{ secret: string; codes: string[] }> {
  const setup = await client.post('/api/auth/mfa/setup');
  assert.equal(setup.status, 200);
  assert.match(setup.body.otpauthUrl, /^otpauth:\/\/totp\//);
  assert.equal((await client.post('/api/auth/mfa/enable', { totp: authenticator.generate(setup.body.secret) })).status, 204);
  const codes = await client.post('/api/auth/mfa/recovery-codes');
  assert.equal(codes.status, 200);
  assert.equal(codes.body.codes.length, 10);
  return { secret: setup.body.secret, codes: codes.body.codes };
}

describe('sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('signs in with the contract shape and cookies', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD });
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body.user).sort(), ['email', 'id', 'mfaEnabled', 'mfaSetupRequired', 'name', 'role']);
    const setCookies = response.headers.getSetCookie().join('\n');
    assert.match(setCookies, /habeas_session=[^;]+;.*HttpOnly/i);
    assert.match(setCookies, /habeas_session=[^;]+;.*SameSite=Strict/i);
    assert.match(setCookies, /csrf=[^;]+/);
    assert.equal((await client.get('/api/auth/me')).body.user.email, 'lawyer@demo.local');
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: 'not the password' });
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody@demo.local', password: 'not the password' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.message, unknown.body.message);
  });

  it('ends the session at logout', async () => {
    const client = await t.signIn('lawyer@demo.local');
    const stolen = new HttpClient(t.baseUrl);
    stolen.cookies.set('habeas_session', sessionCookie(client)!);
    assert.equal((await client.post('/api/auth/logout')).status, 204);
    assert.equal((await stolen.get('/api/auth/me')).status, 401);
  });

  it('refuses state changes without the CSRF header or with a wrong one', async () => {
    const client = await t.signIn('admin@demo.local');
    const missing = await client.post('/api/cases', { slug: 'csrf-x', title: 'x' }, { 'x-csrf-token': '' });
    assert.equal(missing.status, 403);
    const wrong = await client.post('/api/cases', { slug: 'csrf-x', title: 'x' }, { 'x-csrf-token': 'not-the-cookie' });
    assert.equal(wrong.status, 403);
    assert.equal((await t.db.query(`select 1 from cases where slug = 'csrf-x'`)).rowCount, 0);
  });

  it('rotates the session id at every sign-in', async () => {
    const client = await t.signIn('medic@demo.local');
    const first = sessionCookie(client);
    await client.post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    const second = sessionCookie(client);
    assert.notEqual(first, second);
    const old = new HttpClient(t.baseUrl);
    old.cookies.set('habeas_session', first!);
    assert.equal((await old.get('/api/auth/me')).status, 401, 'the replaced session is dead');
  });

  it('expires idle and too old sessions', async () => {
    const idle = await t.signIn('lawyer2@demo.local');
    await t.db.query(
      `update sessions set last_seen_at = now() - interval '5 hours' where user_id = (select id from users where email = 'lawyer2@demo.local') and revoked_at is null`,
    );
    assert.equal((await idle.get('/api/auth/me')).status, 401);
    const old = await t.signIn('lawyer2@demo.local');
    await t.db.query(
      `update sessions set expires_at = now() - interval '1 second' where user_id = (select id from users where email = 'lawyer2@demo.local') and revoked_at is null`,
    );
    assert.equal((await old.get('/api/auth/me')).status, 401);
  });

  it('kills every session of a disabled user at once, and rotates at a role change', async () => {
    const admin = await t.signIn('admin@demo.local');
    const created = await admin.post('/api/users', { email: 'temp.lawyer@demo.local', name: 'Temp', role: 'lawyer', password: 'a long fresh password 42' });
    assert.equal(created.status, 201);
    const one = await t.signIn('temp.lawyer@demo.local', 'a long fresh password 42');
    const two = await t.signIn('temp.lawyer@demo.local', 'a long fresh password 42');
    assert.equal((await admin.patch(`/api/users/${created.body.id}`, { role: 'medical' })).status, 200);
    assert.equal((await one.get('/api/auth/me')).status, 401, 'role change ends sessions');
    const three = await t.signIn('temp.lawyer@demo.local', 'a long fresh password 42');
    assert.equal((await admin.patch(`/api/users/${created.body.id}`, { disabled: true })).status, 200);
    assert.equal((await two.get('/api/auth/me')).status, 401);
    assert.equal((await three.get('/api/auth/me')).status, 401);
    assert.equal((await t.client().post('/api/auth/login', { email: 'temp.lawyer@demo.local', password: 'a long fresh password 42' })).status, 401);
  });

  it('lists own sessions and ends one of them', async () => {
    const laptop = await t.signIn('finance@demo.local');
    const phone = await t.signIn('finance@demo.local');
    const list = await laptop.get('/api/auth/sessions');
    assert.equal(list.status, 200);
    assert.equal(list.body.items.length, 2);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    assert.equal((await laptop.delete(`/api/auth/sessions/${other.id}`)).status, 204);
    assert.equal((await phone.get('/api/auth/me')).status, 401, 'the ended session is dead');
    assert.equal((await laptop.get('/api/auth/me')).status, 200, 'the current one lives');
    assert.equal((await laptop.delete(`/api/auth/sessions/${other.id}`)).status, 404, 'ending it twice: not found');
  });

  it('changes the password and ends the other sessions', async () => {
    const admin = await t.signIn('admin@demo.local');
    await admin.post('/api/users', { email: 'pw.change@demo.local', name: 'Pw', role: 'lawyer', password: 'first long password 1' });
    const here = await t.signIn('pw.change@demo.local', 'first long password 1');
    const there = await t.signIn('pw.change@demo.local', 'first long password 1');
    assert.equal((await here.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'second long password 2' })).status, 422);
    assert.equal((await here.post('/api/auth/password', { currentPassword: 'first long password 1', newPassword: 'short' })).status, 400);
    assert.equal((await here.post('/api/auth/password', { currentPassword: 'first long password 1', newPassword: 'second long password 2' })).status, 204);
    assert.equal((await here.get('/api/auth/me')).status, 200);
    assert.equal((await there.get('/api/auth/me')).status, 401);
    await t.signIn('pw.change@demo.local', 'second long password 2');
  });

  it('refuses common passwords when creating users', async () => {
    const admin = await t.signIn('admin@demo.local');
    const weak = await admin.post('/api/users', { email: 'weak@demo.local', name: 'Weak', role: 'lawyer', password: 'password1234' });
    assert.equal(weak.status, 422);
  });

  it('creates a user with a single-use invite link', async () => {
    const admin = await t.signIn('admin@demo.local');
    const created = await admin.post('/api/users', { email: 'invited@demo.local', name: 'Invited', role: 'medical' });
    assert.equal(created.status, 201);
    const token = String(created.body.inviteUrl).split('/invite/')[1];
    assert.ok(token);
    assert.equal((await t.client().post('/api/auth/invites/accept', { token, password: 'my own long password' })).status, 204);
    assert.equal((await t.client().post('/api/auth/invites/accept', { token, password: 'another long password' })).status >= 400, true);
    await t.signIn('invited@demo.local', 'my own long password');
  });
});

describe('two-factor sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('asks for the code, accepts a TOTP, and takes each recovery code once', async () => {
    const client = await t.signIn('lawyer@demo.local');
    const { secret, codes } = await enableMfa(client);
    const noCode = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD });
    assert.equal(noCode.status, 401);
    assert.equal(noCode.body.mfaRequired, true);
    const badCode = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD, totp: '000000' });
    assert.equal(badCode.status, 401);
    assert.equal(badCode.body.mfaRequired, true);
    const good = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD, totp: authenticator.generate(secret) });
    assert.equal(good.status, 200);
    assert.equal(good.body.user.mfaEnabled, true);
    const recovery = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD, totp: codes[0] });
    assert.equal(recovery.status, 200);
    const again = await t.client().post('/api/auth/login', { email: 'lawyer@demo.local', password: DEMO_PASSWORD, totp: codes[0] });
    assert.equal(again.status, 401);
    assert.equal((await client.get('/api/auth/mfa')).body.recoveryCodesLeft, 9);
    const stored = await t.db.query(`select code_hash from mfa_recovery_codes`);
    assert.ok(stored.rows.every((row: { code_hash: Buffer }) => !codes.some((code) => row.code_hash.toString('utf8').includes(code))));
  });

  it('walks a user of a role that requires it through setup before anything else', async () => {
    const admin = await t.signIn('admin@demo.local');
    assert.equal((await admin.put('/api/settings/security', { mfaRequiredRoles: ['medical'] })).status, 200);
    const medic = await t.client();
    const login = await medic.post('/api/auth/login', { email: 'medic@demo.local', password: DEMO_PASSWORD });
    assert.equal(login.status, 200);
    assert.equal(login.body.user.mfaSetupRequired, true);
    const blocked = await medic.get('/api/cases');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.mfaSetupRequired, true);
    await enableMfa(medic);
    assert.equal((await medic.get('/api/cases')).status, 200);
    assert.equal((await medic.post('/api/auth/mfa/disable', { password: DEMO_PASSWORD })).status, 409, 'the role requires it');
    assert.equal((await t.db.query(`select 1 from audit_log where action = 'auth.mfa-enabled'`)).rowCount! >= 1, true);
  });

  it('refuses sign-in for an email after ten failures while other accounts keep working', async () => {
    for (let i = 0; i < 10; i++) {
      assert.equal((await t.client().post('/api/auth/login', { email: 'finance@demo.local', password: `wrong ${i}` })).status, 401);
    }
    assert.equal((await t.client().post('/api/auth/login', { email: 'finance@demo.local', password: DEMO_PASSWORD })).status, 429);
    assert.equal((await t.client().post('/api/auth/login', { email: 'lawyer2@demo.local', password: DEMO_PASSWORD })).status, 200);
    const failures = await t.db.query(`select count(*) as n from audit_log where action = 'auth.sign-in-failed'`);
    assert.ok(Number(failures.rows[0].n) >= 10);
  });
});
