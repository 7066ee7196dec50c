import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import type { HttpClient } from './support/http-client';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a-long-passphrase-for-trust-77';

/** Findings of the outside security review (issue 23), each held by a test. */
describe('trust: holes found by the security review stay closed', () => {
  let t: TestApp;
  let admin: HttpClient;
  before(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin@demo.local');
  });
  after(() => t.close());

  async function newUser(email: string, role = 'lawyer'): Promise<string> {
    const created = await admin.post('/api/users', { email, name: 'Trust Probe', role, password: PASSWORD });
    assert.equal(created.status, 201, created.text);
    return created.body.id;
  }

  it('lets at most ten of twenty parallel wrong passwords for one email through to 401, the rest get 429', async () => {
    await newUser('throttle@demo.local');
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.client().post('/api/auth/login', { email: 'throttle@demo.local', password: `wrong-guess-number-${i}` })),
    );
    const statuses = attempts.map((r) => r.status);
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(','),
    );
    let checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked <= 10, `401s: ${checked}`);
    // Refused attempts do not count; the ones that were checked do: exactly ten checks in all, then 429.
    for (let guess = 0; guess < 12; guess++) {
      const status = (await t.client().post('/api/auth/login', { email: 'throttle@demo.local', password: `later-guess-${guess}` })).status;
      if (status === 429) break;
      assert.equal(status, 401);
      checked++;
    }
    assert.equal(checked, 10, 'password checks within the window');
    assert.equal((await t.client().post('/api/auth/login', { email: 'throttle@demo.local', password: PASSWORD })).status, 429);
    assert.equal(
      (await t.client().post('/api/auth/login', { email: 'lawyer2@demo.local', password: DEMO_PASSWORD })).status,
      200,
      'other accounts keep working',
    );
  });

  it('refuses a TOTP code that already signed in when it is offered again to mfa/disable (single use everywhere)', async () => {
    await newUser('mfa-replay@demo.local');
    const user = await t.signIn('mfa-replay@demo.local', PASSWORD);
    const { secret } = (await user.post('/api/auth/mfa/setup')).body;
    assert.equal((await user.post('/api/auth/mfa/enable', { totp: authenticator.generate(secret), password: PASSWORD })).status, 204);
    const next = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    const signedIn = t.client();
    assert.equal((await signedIn.post('/api/auth/login', { email: 'mfa-replay@demo.local', password: PASSWORD, totp: next })).status, 200);
    const replay = await signedIn.post('/api/auth/mfa/disable', { totp: next });
    assert.equal(replay.status, 403, replay.text);
    assert.equal((await signedIn.get('/api/auth/me')).body.user.mfaEnabled, true);
  });

  it('asks for the password to enable MFA on a session that is not fresh, and ends the other sessions', async () => {
    const id = await newUser('mfa-enable@demo.local');
    const phone = await t.signIn('mfa-enable@demo.local', PASSWORD);
    const laptop = await t.signIn('mfa-enable@demo.local', PASSWORD);
    await t.db.query(`update sessions set created_at = now() - interval '1 hour' where user_id = $1`, [id]);
    const { secret } = (await laptop.post('/api/auth/mfa/setup')).body;
    const without = await laptop.post('/api/auth/mfa/enable', { totp: authenticator.generate(secret) });
    assert.equal(without.status, 403, without.text);
    assert.equal(without.body.reauthRequired, true);
    const wrong = await laptop.post('/api/auth/mfa/enable', { totp: authenticator.generate(secret), password: 'not-the-password-at-all' });
    assert.equal(wrong.status, 403);
    assert.equal((await laptop.post('/api/auth/mfa/enable', { totp: authenticator.generate(secret), password: PASSWORD })).status, 204);
    assert.equal((await laptop.get('/api/auth/me')).status, 200, 'this session stays');
    assert.equal((await phone.get('/api/auth/me')).status, 401, 'the other session ended');
  });

  it('binds the CSRF token to the session: another session’s matching cookie and header pair is refused', async () => {
    const mallory = await t.signIn('lawyer2@demo.local');
    const victim = await t.signIn('lawyer@demo.local');
    const forged = t.client();
    forged.cookies.set('habeas_session', victim.cookies.get('habeas_session')!);
    forged.cookies.set('csrf', mallory.csrf!);
    const refused = await forged.post('/api/auth/mfa/setup');
    assert.equal(refused.status, 403, refused.text);
    assert.equal((await victim.post('/api/auth/mfa/setup')).status, 200, 'the session’s own token works');
  });

  it('checks the content type after routing, so a percent-encoded path cannot skip it (415)', async () => {
    const body = JSON.stringify({ amountMinor: 5000, currency: 'EUR', anonymous: true });
    for (const path of [
      '/api/public/campaigns/vorontsov/checkout',
      '/%61pi/public/campaigns/vorontsov/checkout',
      '/api/public/campaigns/vorontsov/%63heckout',
    ]) {
      const refused = await t.client().post(path, body, { 'content-type': 'text/plain' });
      assert.equal(refused.status, 415, `${path}: ${refused.status} ${refused.text}`);
    }
  });

  it('answers 404 when a hearing or source document of another case is linked to one’s own objects', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    const foreignHearing = await admin.post('/api/cases/second-case/hearings', { scheduledAt: '2027-02-01T09:00:00Z', kind: 'preliminary' });
    assert.equal(foreignHearing.status, 201, foreignHearing.text);
    const ownHearing = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2027-02-02T09:00:00Z', kind: 'preliminary' });
    assert.equal(ownHearing.status, 201, ownHearing.text);
    const foreignDocument = (await admin.get('/api/cases/second-case/documents?limit=1')).body.items[0];
    const ownDocument = (await lawyer.get('/api/cases/vorontsov/documents?limit=1')).body.items[0];
    assert.ok(foreignDocument && ownDocument);

    const deadline = { dueAt: '2027-03-01T09:00:00Z', title: 'Подать апелляционную жалобу' };
    assert.equal((await lawyer.post('/api/cases/vorontsov/deadlines', { ...deadline, sourceHearingId: foreignHearing.body.id })).status, 404);
    assert.equal((await lawyer.post('/api/cases/vorontsov/deadlines', { ...deadline, sourceDocumentId: foreignDocument.id })).status, 404);
    const linked = await lawyer.post('/api/cases/vorontsov/deadlines', { ...deadline, sourceHearingId: ownHearing.body.id, sourceDocumentId: ownDocument.id });
    assert.equal(linked.status, 201, linked.text);

    assert.equal((await lawyer.patch(`/api/documents/${ownDocument.id}`, { hearingId: foreignHearing.body.id })).status, 404);
    assert.equal((await lawyer.patch(`/api/documents/${ownDocument.id}`, { hearingId: ownHearing.body.id })).status, 200);
    const stored = await t.db.query(`select hearing_id from documents where id = $1`, [ownDocument.id]);
    assert.equal(stored.rows[0].hearing_id, ownHearing.body.id);
    const form = new FormData();
    form.set('file', new Blob(['text of the complaint'], { type: 'text/plain' }), 'complaint.txt');
    form.set('title', 'Жалоба');
    form.set('kind', 'complaint');
    form.set('hearingId', foreignHearing.body.id);
    assert.equal((await lawyer.post('/api/cases/vorontsov/documents', form)).status, 404);
  });

  it('shows the public supporters list with the date only, never the time of payment', async () => {
    const campaign = await t.client().get('/api/public/campaigns/vorontsov');
    assert.equal(campaign.status, 200);
    assert.ok(campaign.body.supporters.length > 0);
    for (const supporter of campaign.body.supporters) assert.match(supporter.at, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('answers 400, never 500, to a NUL byte in the path, the query or the body, signed in or not', async () => {
    const anonymous = t.client();
    const campaign = await anonymous.get('/api/public/campaigns/vorontsov%00');
    assert.equal(campaign.status, 400, campaign.text);
    assert.equal((await anonymous.get('/api/public/campaigns/vorontsov?lang=ru%00')).status, 400);
    const body = { amountMinor: 5000, currency: 'EUR', anonymous: false, name: 'Anna\u0000' };
    assert.equal((await anonymous.post('/api/public/campaigns/vorontsov/checkout', body)).status, 400);
    const lawyer = await t.signIn('lawyer@demo.local');
    const hearing = await lawyer.post('/api/cases/vorontsov/hearings', { scheduledAt: '2027-04-01T09:00:00Z', kind: 'preliminary', notes: 'a\u0000b' });
    assert.equal(hearing.status, 400);
    assert.match(hearing.body.message, /^body\.notes: control characters/);
    assert.equal((await lawyer.get('/api/cases/vorontsov%00/hearings')).status, 400);
  });

  it('removes invisible bidi controls from names and titles and refuses control characters in them', async () => {
    const created = await admin.post('/api/users', { email: 'bidi@demo.local', name: 'Anna\u202Egnp.exe\u202C', role: 'lawyer', password: PASSWORD });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.name, 'Annagnp.exe');
    const lawyer = await t.signIn('lawyer@demo.local');
    const deadline = await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: '2027-03-01T09:00:00Z', title: '\u2067Жалоба\u2069 в суд' });
    assert.equal(deadline.status, 201, deadline.text);
    assert.equal(deadline.body.title, 'Жалоба в суд');
    assert.equal((await lawyer.post('/api/cases/vorontsov/deadlines', { dueAt: '2027-03-01T09:00:00Z', title: 'two\nlines' })).status, 400);
  });

  it('sends a Permissions-Policy header that turns off powerful browser features', async () => {
    for (const path of ['/api/health/live', '/', '/donate/vorontsov']) {
      const response = await t.client().get(path);
      const policy = response.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) assert.ok(policy.includes(feature), `${path}: ${policy}`);
    }
  });
});

describe('trust: production cookies carry the __Host- prefix', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  after(() => t.close());

  it('names the session and csrf cookies __Host-…, Secure, for the whole site, and reads only those', async () => {
    const client = await t.signIn('lawyer@demo.local');
    const login = await t.client().post('/api/auth/login', { email: 'lawyer2@demo.local', password: DEMO_PASSWORD });
    const cookies = login.headers.getSetCookie();
    for (const name of ['__Host-habeas_session', '__Host-csrf']) {
      const cookie = cookies.find((line) => line.startsWith(`${name}=`));
      assert.ok(cookie, `${name} in ${cookies.join(' | ')}`);
      assert.match(cookie, /;\s*Secure/i);
      assert.match(cookie, /;\s*Path=\//i);
      assert.doesNotMatch(cookie, /Domain=/i);
    }
    assert.equal((await client.post('/api/auth/mfa/setup')).status, 200, 'the __Host-csrf token works in the header');
    const plain = t.client();
    plain.cookies.set('habeas_session', client.cookies.get('__Host-habeas_session')!);
    assert.equal((await plain.get('/api/auth/me')).status, 401, 'a cookie without the prefix is not read in production');
  });
});
