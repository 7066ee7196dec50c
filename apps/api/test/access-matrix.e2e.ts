/**
 * Longer than 300 lines on purpose: it is one table, a row per live route, and a table split across files could no
 * longer check that every route has its row.
 *
 * The access matrix: who may call which route, written by hand from the product's rules (CONTRACT.md's roles
 * and "who" columns), never read from the decorators or the policy under test. A wrong decorator therefore
 * fails here instead of defining its own "correct" answer.
 *
 * Columns (the cells of each row, in this order):
 *   anon    no session
 *   admin   an admin who is a member of no case (admins see every case)
 *   lawyer  a lawyer of the case the request is about ("home")
 *   medic   a medical member of the home case
 *   finance the treasurer (sees the money of every case, nothing else)
 *   lawyer2 a lawyer of another case only → the home case is invisible to them: 404 where the role may use the route
 *   medic2  a medic of another case only → likewise
 * Every cell is exercised with a request that would succeed for an allowed caller, mutations included, each on
 * resources made for that one call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createECDH, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { SubscriptionsService } from '../src/public-case/subscriptions.service';
import { DEMO_BANK_DETAILS } from '../src/bank-transfers/bank-transfers.demo';
import { form } from './support/document-files';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram';
import { FIXTURE_PASSWORD, Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { mailedLink, paidMonthlyGift } from './support/donor-links';
import { liveRoutes } from './support/route-table';
import { signed, WEBHOOK_SECRET } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

/** A donor's private link, as mailed after an offline gift with an e-mail. */
async function offlineLink(w: World) {
  const gift = await w.f.newOfflineDonation(w.home.id, { email: 'matrix.donor@example.org' });
  return mailedLink(w.f.t, gift.id);
}

const actors = ['anon', 'admin', 'lawyer', 'medic', 'finance', 'lawyer2', 'medic2'] as const;
type ActorName = (typeof actors)[number];
type Cells = [anon: number, admin: number, lawyer: number, medic: number, finance: number, lawyer2: number, medic2: number];

interface World {
  f: Fixtures;
  users: Record<Exclude<ActorName, 'anon'>, FixtureUser>;
  /** lawyer and medic are members; lawyer2 and medic2 are not. */
  home: FixtureCase;
  /** lawyer2 and medic2 are members. */
  other: FixtureCase;
  calendarFile: string;
  stripe: FakeStripe;
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send as this session instead of the actor's own (self-service routes use a throwaway user of the actor's role). */
  as?: HttpClient | null;
}

interface Row {
  route: string;
  cells: Cells;
  /** Builds the request for one actor; allowed callers must succeed with it, so mutations get fresh resources. */
  call(w: World, actor: ActorName): Promise<Call> | Call;
  /**
   * For routes with a case id and a sub-resource id: the same request sent by lawyer2 through their own case with
   * the home case's sub-resource (the classic IDOR). Must answer 404 and change nothing.
   */
  crossCase?(w: World): Promise<Call & { list: string }>;
}

const ALL_SIGNED_IN = (status: number): Cells => [401, status, status, status, status, status, status];
const PUBLIC = (status: number): Cells => [status, status, status, status, status, status, status];
const ADMIN_ONLY = (status: number): Cells => [401, status, 403, 403, 403, 403, 403];
const MONEY = (status: number): Cells => [401, status, 403, 403, status, 403, 403];
/** Case data that lawyers and medical staff of the case read (proceedings, documents, medical). */
const CASE_READ = (status: number): Cells => [401, status, status, status, 403, 404, 404];
/** Case data that only lawyers of the case change. */
const LAWYER_WRITE = (status: number): Cells => [401, status, status, 403, 403, 404, 403];
/** Lawyers-only case data (legal actions): medical staff may not use the route at all. */
const LAWYER_READ = (status: number): Cells => [401, status, status, 403, 403, 404, 403];
/** Medical alerts: the medical staff of the case and admins. */
const ALERT_WORK = (status: number): Cells => [401, status, 403, status, 403, 403, 404];
const ALERT_LIST = (status: number): Cells => [401, status, 403, status, 403, 403, status];

const roleOf: Record<Exclude<ActorName, 'anon'>, FixtureUser['role']> = {
  admin: 'admin',
  lawyer: 'lawyer',
  medic: 'medical',
  finance: 'finance',
  lawyer2: 'lawyer',
  medic2: 'medical',
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A throwaway user of the actor's role (or nobody for anon) for routes that change the caller's own account. */
async function selfService(w: World, actor: ActorName): Promise<{ user: FixtureUser | null; as: HttpClient | null }> {
  if (actor === 'anon') return { user: null, as: null };
  const user = await w.f.newUser(roleOf[actor]);
  return { user, as: user.client };
}

async function withMfa(w: World, actor: ActorName) {
  const self = await selfService(w, actor);
  if (!self.user) return self;
  const setup = await self.user.client.post('/api/auth/mfa/setup');
  assert.equal(setup.status, 200);
  assert.equal((await self.user.client.post('/api/auth/mfa/enable', { totp: authenticator.generate(setup.body.secret) })).status, 204);
  return self;
}

/** What a browser's `PushSubscription.toJSON()` holds, on Google's push service (a fresh endpoint each call). */
function browserSubscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(12).toString('base64url')}`,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}

/** An override of the team-wide rota (made first by the demo admin) putting the home case's medic on duty tomorrow. */
async function overrideRequest(w: World) {
  const team = await w.f.admin.put('/api/on-call/policy', { caseId: null, escalateAfterMinutes: 15, shifts: [] });
  assert.equal(team.status, 200, team.text);
  return { caseId: null, userId: w.users.medic.id, startsAt: inDays(1), endsAt: inDays(2) };
}

const home = (w: World) => `/api/cases/${w.home.id}`;
const doc = (w: World) => w.f.newDocument(w.home.id);
const hearingOf = (w: World) => w.f.newHearing(w.home.id);

/** A draft update of the home case by the demo admin, so every other actor may review it. */
const draftUpdate = async (w: World): Promise<{ id: string }> =>
  (await w.f.admin.post(`/api/cases/${w.home.id}/updates`, { title: 'Draft', body: 'Text', language: 'ru' })).body;

/** A family report with one small PNG, sent through a fresh link of the home case; rate-limit hits are cleared first. */
const familyReport = async (w: World): Promise<{ token: string; receipt: string; reportId: string; fileId: string }> => {
  const { body: link } = await w.f.admin.post(`/api/cases/${w.home.id}/intake-links`, {});
  const token = String(link.url).split('/').pop()!;
  await w.f.t.db.query(`delete from public_rate_hits`);
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const body = new FormData();
  body.append('what', 'matrix report');
  body.append('files', new Blob([new Uint8Array(png)]), 'photo.png');
  const sent = await w.f.t.client().post(`/api/public/intake/${token}`, body);
  assert.equal(sent.status, 201, sent.text);
  const { body: inbox } = await w.f.admin.get(`/api/cases/${w.home.id}/intake-reports?limit=1`);
  return { token, receipt: sent.body.receipt, reportId: inbox.items[0].id, fileId: inbox.items[0].files[0].id };
};
const intakeToken = async (w: World): Promise<string> => {
  const { body: link } = await w.f.admin.post(`/api/cases/${w.home.id}/intake-links`, {});
  await w.f.t.db.query(`delete from public_rate_hits`);
  return String(link.url).split('/').pop()!;
};

const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const solidarityForm = (): FormData => {
  const body = new FormData();
  body.append('message', 'держитесь');
  body.append('photo', new Blob([new Uint8Array(Buffer.from(PIXEL_PNG, 'base64'))]), 'p.png');
  return body;
};
/** A solidarity post with a photo on the home case, approved when asked; its id. */
const solidarityPost = async (w: World, approved: boolean): Promise<string> => {
  await w.f.t.db.query(`delete from public_rate_hits`);
  assert.equal((await w.f.t.client().post(`/api/public/cases/${w.home.slug}/solidarity`, solidarityForm())).status, 202);
  const { body } = await w.f.admin.get(`/api/cases/${w.home.id}/solidarity?status=pending&limit=100`);
  const id = body.items[0].id as string;
  if (approved) assert.equal((await w.f.admin.post(`/api/solidarity/${id}/approve`)).status, 200);
  return id;
};

/** A confirm or unsubscribe link of a fresh subscription to the home case (the path the mails carry). */
const subscriptionLink = async (w: World, purpose: 'confirm' | 'unsubscribe'): Promise<string> => {
  await w.f.t.db.query(`delete from public_rate_hits`);
  const email = `${w.f.unique('link')}@example.org`;
  assert.equal((await w.f.t.client().post(`/api/public/cases/${w.home.slug}/subscriptions`, { email, language: 'ru' })).status, 202);
  const { rows } = await w.f.t.db.query(`select id from case_subscriptions order by created_at desc limit 1`);
  const url = w.f.t.app.get(SubscriptionsService)[purpose === 'confirm' ? 'confirmUrlOf' : 'unsubscribeUrlOf'](rows[0].id);
  return new URL(url).pathname;
};

/** A finished dossier of the home case (built once by an admin, then read by every cell). */
let finishedDossier: Promise<string> | undefined;
function dossierOf(w: World): Promise<string> {
  finishedDossier ??= (async () => {
    const { body } = await w.f.admin.post(`/api/cases/${w.home.id}/dossiers`, { language: 'ru' });
    for (let i = 0; i < 600; i++) {
      const { body: dossier } = await w.f.admin.get(`/api/dossiers/${body.id}`);
      if (dossier.status === 'done') return body.id as string;
      if (dossier.status === 'failed') throw new Error(`dossier failed: ${dossier.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('dossier not built within a minute');
  })();
  return finishedDossier;
}

const rows: Row[] = [
  // ── identity
  {
    // Signing in replaces the caller's session, so signed-in callers use a throwaway session of their role.
    route: 'POST /api/auth/login',
    cells: PUBLIC(200),
    call: async (w, a) => ({
      path: '/api/auth/login',
      body: { email: (await w.f.newUser(a === 'anon' ? 'lawyer' : roleOf[a], { signIn: false })).email, password: FIXTURE_PASSWORD },
      as: (await selfService(w, a)).as,
    }),
  },
  { route: 'POST /api/auth/logout', cells: ALL_SIGNED_IN(204), call: async (w, a) => ({ path: '/api/auth/logout', as: (await selfService(w, a)).as }) },
  { route: 'GET /api/auth/me', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/auth/me' }) },
  {
    route: 'PATCH /api/auth/me',
    cells: ALL_SIGNED_IN(200),
    call: async (w, a) => ({ path: '/api/auth/me', body: { language: 'en' }, as: (await selfService(w, a)).as }),
  },
  { route: 'POST /api/auth/mfa/setup', cells: ALL_SIGNED_IN(200), call: async (w, a) => ({ path: '/api/auth/mfa/setup', as: (await selfService(w, a)).as }) },
  {
    route: 'POST /api/auth/mfa/enable',
    cells: ALL_SIGNED_IN(204),
    call: async (w, a) => {
      const self = await selfService(w, a);
      if (!self.as) return { path: '/api/auth/mfa/enable', body: { totp: '000000' }, as: null };
      const setup = await self.as.post('/api/auth/mfa/setup');
      return { path: '/api/auth/mfa/enable', body: { totp: authenticator.generate(setup.body.secret) }, as: self.as };
    },
  },
  {
    route: 'POST /api/auth/mfa/recovery-codes',
    cells: ALL_SIGNED_IN(200),
    call: async (w, a) => ({ path: '/api/auth/mfa/recovery-codes', body: {}, as: (await withMfa(w, a)).as }),
  },
  { route: 'GET /api/auth/mfa/recovery-codes', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/auth/mfa/recovery-codes' }) },
  {
    route: 'POST /api/auth/mfa/disable',
    cells: ALL_SIGNED_IN(204),
    call: async (w, a) => ({ path: '/api/auth/mfa/disable', body: { password: FIXTURE_PASSWORD }, as: (await withMfa(w, a)).as }),
  },
  {
    route: 'POST /api/auth/password',
    cells: ALL_SIGNED_IN(204),
    call: async (w, a) => ({
      path: '/api/auth/password',
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: 'a-completely-new-passphrase-42' },
      as: (await selfService(w, a)).as,
    }),
  },
  { route: 'GET /api/auth/sessions', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/auth/sessions' }) },
  {
    route: 'DELETE /api/auth/sessions/:id',
    cells: ALL_SIGNED_IN(204),
    call: async (w, a) => {
      const self = await selfService(w, a);
      if (!self.user) return { path: '/api/auth/sessions/00000000-0000-4000-8000-000000000001', as: null };
      const second = await w.f.signIn(self.user.email);
      const sessions = await second.get('/api/auth/sessions');
      const other = sessions.body.items.find((s: { current: boolean }) => !s.current);
      return { path: `/api/auth/sessions/${other.id}`, as: self.as };
    },
  },
  {
    route: 'POST /api/auth/invites/accept',
    cells: PUBLIC(204),
    call: async (w) => ({ path: '/api/auth/invites/accept', body: { token: (await w.f.newInvite()).token, password: 'an-invited-passphrase-1' } }),
  },
  { route: 'GET /api/auth/password-reset', cells: PUBLIC(200), call: () => ({ path: '/api/auth/password-reset' }) },
  {
    route: 'POST /api/auth/password-reset/request',
    cells: PUBLIC(202),
    call: async (w) => ({ path: '/api/auth/password-reset/request', body: { email: (await w.f.newUser('lawyer', { signIn: false })).email } }),
  },
  {
    route: 'POST /api/auth/password-reset/confirm',
    cells: PUBLIC(204),
    call: async (w) => {
      const user = await w.f.newUser('lawyer', { signIn: false });
      const issued = await w.f.admin.post(`/api/users/${user.id}/password-reset`);
      return {
        path: '/api/auth/password-reset/confirm',
        body: { token: String(issued.body.resetUrl).split('/').pop(), password: 'a-reset-passphrase-for-it-7' },
      };
    },
  },
  {
    route: 'POST /api/users/:id/password-reset',
    cells: ADMIN_ONLY(201),
    call: async (w) => ({ path: `/api/users/${(await w.f.newUser('lawyer', { signIn: false })).id}/password-reset` }),
  },
  { route: 'GET /api/users/admins', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/users/admins' }) },
  { route: 'DELETE /api/users/:id/invite', cells: ADMIN_ONLY(200), call: async (w) => ({ path: `/api/users/${(await w.f.newInvite()).id}/invite` }) },
  { route: 'GET /api/audit-log/actions', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/audit-log/actions' }) },
  { route: 'GET /api/settings/mfa', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/settings/mfa' }) },
  { route: 'PUT /api/settings/mfa', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/settings/mfa', body: { requiredRoles: [] } }) },
  { route: 'GET /api/users', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/users' }) },
  {
    route: 'POST /api/users',
    cells: ADMIN_ONLY(201),
    call: (w) => ({ path: '/api/users', body: { email: `${w.f.unique('new')}@fixture.test`, name: 'New', role: 'lawyer' } }),
  },
  { route: 'GET /api/users/:id', cells: ADMIN_ONLY(200), call: (w) => ({ path: `/api/users/${w.users.lawyer.id}` }) },
  {
    route: 'PATCH /api/users/:id',
    cells: ADMIN_ONLY(200),
    call: async (w) => ({ path: `/api/users/${(await w.f.newUser('lawyer', { signIn: false })).id}`, body: { name: 'Renamed' } }),
  },
  { route: 'POST /api/users/:id/invite', cells: ADMIN_ONLY(201), call: async (w) => ({ path: `/api/users/${(await w.f.newInvite()).id}/invite` }) },
  {
    route: 'POST /api/users/:id/sessions/revoke',
    cells: ADMIN_ONLY(201),
    call: async (w) => ({ path: `/api/users/${(await w.f.newUser('lawyer')).id}/sessions/revoke` }),
  },
  { route: 'GET /api/audit-log', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/audit-log' }) },
  // ── public side of a case: anyone reads what was published; members draft; lawyers of the case review
  { route: 'GET /api/public/cases/:slug', cells: PUBLIC(200), call: (w) => ({ path: `/api/public/cases/${w.home.slug}` }) },
  { route: 'GET /api/public/cases/:slug/feed.atom', cells: PUBLIC(200), call: (w) => ({ path: `/api/public/cases/${w.home.slug}/feed.atom` }) },
  { route: 'GET /support/:slug', cells: PUBLIC(200), call: (w) => ({ path: `/support/${w.home.slug}` }) },
  {
    route: 'POST /api/cases/:id/updates',
    cells: CASE_READ(201),
    call: (w) => ({ path: `${home(w)}/updates`, body: { title: 'Update', body: 'Text', language: 'ru' } }),
  },
  { route: 'GET /api/cases/:id/updates', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/updates` }) },
  {
    route: 'POST /api/updates/:id/approve',
    cells: LAWYER_READ(200),
    call: async (w) => ({ path: `/api/updates/${(await draftUpdate(w)).id}/approve` }),
  },
  {
    route: 'POST /api/updates/:id/unpublish',
    cells: LAWYER_READ(200),
    call: async (w) => {
      const { id } = await draftUpdate(w);
      await w.users.lawyer.client.post(`/api/updates/${id}/approve`);
      return { path: `/api/updates/${id}/unpublish` };
    },
  },
  // ── solidarity: anyone posts to a public case; members of the case moderate; approved photos are public
  {
    route: 'POST /api/public/cases/:slug/solidarity',
    cells: PUBLIC(202),
    call: async (w) => (await w.f.t.db.query(`delete from public_rate_hits`), { path: `/api/public/cases/${w.home.slug}/solidarity`, body: solidarityForm() }),
  },
  {
    route: 'POST /support/:slug/solidarity',
    cells: PUBLIC(202),
    call: async (w) => (await w.f.t.db.query(`delete from public_rate_hits`), { path: `/support/${w.home.slug}/solidarity`, body: solidarityForm() }),
  },
  { route: 'GET /api/cases/:id/solidarity', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/solidarity?status=pending` }) },
  {
    route: 'POST /api/solidarity/:id/approve',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/solidarity/${await solidarityPost(w, false)}/approve` }),
  },
  {
    route: 'POST /api/solidarity/:id/reject',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/solidarity/${await solidarityPost(w, false)}/reject` }),
  },
  { route: 'GET /api/solidarity/:id/photo', cells: CASE_READ(200), call: async (w) => ({ path: `/api/solidarity/${await solidarityPost(w, false)}/photo` }) },
  {
    route: 'GET /api/public/solidarity/:id/photo',
    cells: PUBLIC(200),
    call: async (w) => ({ path: `/api/public/solidarity/${await solidarityPost(w, true)}/photo` }),
  },
  // ── subscriptions: anyone subscribes (always 202); the links in the mails work without a session; admins erase addresses
  {
    route: 'POST /api/public/cases/:slug/subscriptions',
    cells: PUBLIC(202),
    call: async (w) => (
      await w.f.t.db.query(`delete from public_rate_hits`),
      { path: `/api/public/cases/${w.home.slug}/subscriptions`, body: { email: `${w.f.unique('sub')}@example.org`, language: 'ru' } }
    ),
  },
  {
    route: 'POST /support/:slug/subscribe',
    cells: PUBLIC(202),
    call: async (w) => ({
      ...(await w.f.t.db.query(`delete from public_rate_hits`).then(() => ({}))),
      path: `/support/${w.home.slug}/subscribe`,
      body: new URLSearchParams({ email: `${w.f.unique('form')}@example.org`, language: 'en' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  },
  { route: 'GET /support/subscriptions/:token/confirm', cells: PUBLIC(200), call: async (w) => ({ path: await subscriptionLink(w, 'confirm') }) },
  { route: 'POST /support/subscriptions/:token/confirm', cells: PUBLIC(200), call: async (w) => ({ path: await subscriptionLink(w, 'confirm') }) },
  { route: 'GET /support/subscriptions/:token/unsubscribe', cells: PUBLIC(200), call: async (w) => ({ path: await subscriptionLink(w, 'unsubscribe') }) },
  {
    route: 'POST /support/subscriptions/:token/unsubscribe',
    cells: PUBLIC(200),
    call: async (w) => ({
      path: await subscriptionLink(w, 'unsubscribe'),
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  },
  { route: 'POST /api/subscribers/erase', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/subscribers/erase', body: { email: 'nobody@example.org' } }) },
  // ── family intake: lawyers make links; anyone with a link reports; lawyers and medical staff of the case triage
  { route: 'POST /api/cases/:id/intake-links', cells: LAWYER_WRITE(201), call: (w) => ({ path: `${home(w)}/intake-links`, body: { label: 'матрица' } }) },
  { route: 'GET /api/cases/:id/intake-links', cells: LAWYER_WRITE(200), call: (w) => ({ path: `${home(w)}/intake-links` }) },
  {
    route: 'DELETE /api/intake-links/:id',
    cells: LAWYER_WRITE(204),
    call: async (w) => ({ path: `/api/intake-links/${(await w.f.admin.post(`/api/cases/${w.home.id}/intake-links`, {})).body.id}` }),
  },
  {
    route: 'POST /api/public/intake/:token',
    cells: PUBLIC(201),
    call: async (w) => ({ path: `/api/public/intake/${await intakeToken(w)}`, body: { what: 'x' } }),
  },
  {
    route: 'GET /api/public/intake/:token/status/:receipt',
    cells: PUBLIC(200),
    call: async (w) => {
      const report = await familyReport(w);
      return { path: `/api/public/intake/${report.token}/status/${report.receipt}` };
    },
  },
  { route: 'GET /intake/:token', cells: PUBLIC(200), call: async (w) => ({ path: `/intake/${await intakeToken(w)}` }) },
  {
    route: 'POST /intake/:token',
    cells: PUBLIC(201),
    call: async (w) => {
      const body = new FormData();
      body.append('what', 'form report');
      return { path: `/intake/${await intakeToken(w)}`, body };
    },
  },
  { route: 'GET /intake/:token/status', cells: PUBLIC(200), call: async (w) => ({ path: `/intake/${await intakeToken(w)}/status` }) },
  { route: 'GET /api/cases/:id/intake-reports', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/intake-reports` }) },
  {
    route: 'GET /api/intake-reports/:id/files/:fileId',
    cells: CASE_READ(200),
    call: async (w) => {
      const report = await familyReport(w);
      return { path: `/api/intake-reports/${report.reportId}/files/${report.fileId}` };
    },
  },
  {
    route: 'POST /api/intake-reports/:id/convert',
    cells: CASE_READ(201),
    call: async (w) => ({ path: `/api/intake-reports/${(await familyReport(w)).reportId}/convert`, body: { into: 'document' } }),
  },
  { route: 'GET /api/audit-log/verify', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/audit-log/verify' }) },
  // ── evidence: dossiers are for the lawyers of the case and admins
  { route: 'POST /api/cases/:id/dossiers', cells: LAWYER_READ(202), call: (w) => ({ path: `${home(w)}/dossiers`, body: { language: 'en' } }) },
  { route: 'GET /api/cases/:id/dossiers', cells: LAWYER_READ(200), call: (w) => ({ path: `${home(w)}/dossiers` }) },
  { route: 'GET /api/dossiers/:id', cells: LAWYER_READ(200), call: async (w) => ({ path: `/api/dossiers/${await dossierOf(w)}` }) },
  { route: 'GET /api/dossiers/:id/download', cells: LAWYER_READ(200), call: async (w) => ({ path: `/api/dossiers/${await dossierOf(w)}/download` }) },
  {
    route: 'GET /api/documents/:id/custody',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/documents/${(await doc(w)).id}/custody` }),
  },
  { route: 'GET /api/health/live', cells: PUBLIC(200), call: () => ({ path: '/api/health/live' }) },
  { route: 'GET /api/health/ready', cells: PUBLIC(200), call: () => ({ path: '/api/health/ready' }) },
  { route: 'GET /api/dashboard', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/dashboard' }) },
  { route: 'GET /api/calendar/feed', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/calendar/feed' }) },
  { route: 'POST /api/calendar/feed', cells: ALL_SIGNED_IN(201), call: async (w, a) => ({ path: '/api/calendar/feed', as: (await selfService(w, a)).as }) },
  { route: 'DELETE /api/calendar/feed', cells: ALL_SIGNED_IN(204), call: async (w, a) => ({ path: '/api/calendar/feed', as: (await selfService(w, a)).as }) },
  { route: 'GET /api/calendar/:file', cells: PUBLIC(200), call: (w) => ({ path: `/api/calendar/${w.calendarFile}` }) },

  // ── cases
  { route: 'GET /api/cases', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/cases' }) },
  { route: 'POST /api/cases', cells: ADMIN_ONLY(201), call: (w) => ({ path: '/api/cases', body: { slug: w.f.unique('made'), title: 'Made' } }) },
  // Finance sees that a case exists (to account for its money); members and admins see it whole.
  { route: 'GET /api/cases/:id', cells: [401, 200, 200, 200, 200, 404, 404], call: (w) => ({ path: home(w) }) },
  { route: 'PATCH /api/cases/:id', cells: LAWYER_WRITE(200), call: (w) => ({ path: home(w), body: { court: 'Basmanny District Court' } }) },
  { route: 'GET /api/cases/:id/team', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/team` }) },
  { route: 'GET /api/cases/:id/members', cells: ADMIN_ONLY(200), call: (w) => ({ path: `${home(w)}/members` }) },
  {
    route: 'POST /api/cases/:id/members',
    cells: ADMIN_ONLY(201),
    call: async (w) => ({ path: `${home(w)}/members`, body: { userId: (await w.f.newUser('lawyer', { signIn: false })).id, roleOnCase: 'counsel' } }),
  },
  {
    route: 'DELETE /api/cases/:id/members/:userId',
    cells: ADMIN_ONLY(204),
    call: async (w) => {
      const user = await w.f.newUser('lawyer', { signIn: false });
      await w.f.addMember(w.home.id, user);
      return { path: `${home(w)}/members/${user.id}` };
    },
  },
  { route: 'GET /api/cases/:id/timeline', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/timeline` }) },
  { route: 'GET /api/facilities', cells: [401, 200, 200, 200, 403, 200, 200], call: () => ({ path: '/api/facilities' }) },
  {
    route: 'POST /api/facilities',
    cells: [401, 201, 201, 403, 403, 201, 403],
    call: (w) => ({ path: '/api/facilities', body: { name: w.f.unique('Colony'), kind: 'colony' } }),
  },

  // ── proceedings
  { route: 'GET /api/cases/:id/hearings', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/hearings` }) },
  {
    route: 'POST /api/cases/:id/hearings',
    cells: LAWYER_WRITE(201),
    call: (w) => ({ path: `${home(w)}/hearings`, body: { scheduledAt: inDays(20), kind: 'preliminary' } }),
  },
  {
    route: 'GET /api/cases/:id/hearings/:hearingId',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `${home(w)}/hearings/${(await hearingOf(w)).id}` }),
    crossCase: async (w) => ({ path: `/api/cases/${w.other.id}/hearings/${(await hearingOf(w)).id}`, list: `${home(w)}/hearings?limit=100` }),
  },
  {
    route: 'PATCH /api/cases/:id/hearings/:hearingId',
    cells: LAWYER_WRITE(200),
    call: async (w) => ({ path: `${home(w)}/hearings/${(await hearingOf(w)).id}`, body: { notes: 'postponed' } }),
    crossCase: async (w) => ({
      path: `/api/cases/${w.other.id}/hearings/${(await hearingOf(w)).id}`,
      body: { notes: 'tampered' },
      list: `${home(w)}/hearings?limit=100`,
    }),
  },
  { route: 'GET /api/cases/:id/deadlines', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/deadlines` }) },
  {
    route: 'POST /api/cases/:id/deadlines',
    cells: LAWYER_WRITE(201),
    call: (w) => ({ path: `${home(w)}/deadlines`, body: { dueAt: inDays(5), title: 'File the appeal' } }),
  },
  {
    route: 'PATCH /api/cases/:id/deadlines/:deadlineId',
    cells: LAWYER_WRITE(200),
    call: async (w) => ({ path: `${home(w)}/deadlines/${(await w.f.newDeadline(w.home.id)).id}`, body: { done: true } }),
    crossCase: async (w) => ({
      path: `/api/cases/${w.other.id}/deadlines/${(await w.f.newDeadline(w.home.id)).id}`,
      body: { done: true },
      list: `${home(w)}/deadlines?limit=100`,
    }),
  },
  {
    route: 'DELETE /api/cases/:id/deadlines/:deadlineId',
    cells: LAWYER_WRITE(204),
    call: async (w) => ({ path: `${home(w)}/deadlines/${(await w.f.newDeadline(w.home.id)).id}` }),
    crossCase: async (w) => ({ path: `/api/cases/${w.other.id}/deadlines/${(await w.f.newDeadline(w.home.id)).id}`, list: `${home(w)}/deadlines?limit=100` }),
  },
  { route: 'GET /api/cases/:id/custody-events', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/custody-events` }) },
  {
    route: 'POST /api/cases/:id/custody-events',
    cells: LAWYER_WRITE(201),
    call: (w) => ({ path: `${home(w)}/custody-events`, body: { kind: 'hospitalised', occurredAt: inDays(-1) } }),
  },
  {
    route: 'PATCH /api/cases/:id/custody-events/:eventId',
    cells: LAWYER_WRITE(200),
    call: async (w) => ({ path: `${home(w)}/custody-events/${(await w.f.newCustodyEvent(w.home.id)).id}`, body: { notes: 'by order of the court' } }),
    crossCase: async (w) => ({
      path: `/api/cases/${w.other.id}/custody-events/${(await w.f.newCustodyEvent(w.home.id)).id}`,
      body: { notes: 'tampered' },
      list: `${home(w)}/custody-events?limit=100`,
    }),
  },
  {
    route: 'DELETE /api/cases/:id/custody-events/:eventId',
    cells: LAWYER_WRITE(204),
    call: async (w) => ({ path: `${home(w)}/custody-events/${(await w.f.newCustodyEvent(w.home.id)).id}` }),
    crossCase: async (w) => ({
      path: `/api/cases/${w.other.id}/custody-events/${(await w.f.newCustodyEvent(w.home.id)).id}`,
      list: `${home(w)}/custody-events?limit=100`,
    }),
  },

  // ── life in detention
  { route: 'GET /api/cases/:id/contacts', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/contacts` }) },
  {
    route: 'POST /api/cases/:id/contacts',
    cells: LAWYER_WRITE(201),
    call: (w) => ({ path: `${home(w)}/contacts`, body: { kind: 'call', status: 'held', occurredAt: inDays(-1) } }),
  },
  { route: 'GET /api/cases/:id/contacts/trend', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/contacts/trend` }) },
  { route: 'GET /api/cases/:id/contacts/settings', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/contacts/settings` }) },
  {
    route: 'PUT /api/cases/:id/contacts/settings',
    cells: LAWYER_WRITE(200),
    call: (w) => ({ path: `${home(w)}/contacts/settings`, body: { noContactDays: 12 } }),
  },
  { route: 'GET /api/legal-actions', cells: [401, 200, 200, 403, 403, 200, 403], call: () => ({ path: '/api/legal-actions' }) },
  { route: 'GET /api/cases/:id/legal-actions', cells: LAWYER_READ(200), call: (w) => ({ path: `${home(w)}/legal-actions` }) },
  {
    route: 'POST /api/cases/:id/legal-actions',
    cells: LAWYER_WRITE(201),
    call: (w) => ({ path: `${home(w)}/legal-actions`, body: { step: 'complaint_facility', language: 'ru' } }),
  },
  {
    route: 'GET /api/legal-actions/:id',
    cells: LAWYER_READ(200),
    call: async (w) => ({ path: `/api/legal-actions/${(await w.f.newLegalAction(w.home.id)).id}` }),
  },
  {
    route: 'PATCH /api/legal-actions/:id',
    cells: LAWYER_WRITE(200),
    call: async (w) => ({ path: `/api/legal-actions/${(await w.f.newLegalAction(w.home.id)).id}`, body: { title: 'Motion, revised' } }),
  },
  {
    route: 'POST /api/legal-actions/:id/redraft',
    cells: LAWYER_WRITE(201),
    call: async (w) => ({ path: `/api/legal-actions/${(await w.f.newLegalAction(w.home.id)).id}/redraft`, body: {} }),
  },
  {
    route: 'POST /api/legal-actions/:id/generate',
    cells: LAWYER_WRITE(201),
    call: async (w) => ({ path: `/api/legal-actions/${(await w.f.newLegalAction(w.home.id)).id}/generate`, body: { format: 'markdown' } }),
  },
  // Templates serve every case: lawyers and admins read them, only admins change them.
  { route: 'GET /api/legal-templates', cells: [401, 200, 200, 403, 403, 200, 403], call: () => ({ path: '/api/legal-templates' }) },
  {
    route: 'GET /api/legal-templates/:id',
    cells: [401, 200, 200, 403, 403, 200, 403],
    call: async (w) => ({ path: `/api/legal-templates/${(await w.f.newTemplate()).id}` }),
  },
  {
    route: 'POST /api/legal-templates',
    cells: ADMIN_ONLY(201),
    call: (w) => ({ path: '/api/legal-templates', body: { step: 'complaint_prosecutor', language: 'ru', title: w.f.unique('Шаблон'), body: 'Жалоба' } }),
  },
  {
    route: 'PATCH /api/legal-templates/:id',
    cells: ADMIN_ONLY(200),
    call: async (w) => ({ path: `/api/legal-templates/${(await w.f.newTemplate()).id}`, body: { title: 'Renamed template' } }),
  },
  { route: 'DELETE /api/legal-templates/:id', cells: ADMIN_ONLY(204), call: async (w) => ({ path: `/api/legal-templates/${(await w.f.newTemplate()).id}` }) },

  // ── documents
  { route: 'GET /api/cases/:id/documents', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/documents` }) },
  {
    route: 'POST /api/cases/:id/documents',
    cells: CASE_READ(201),
    call: (w) => ({ path: `${home(w)}/documents`, body: form(Buffer.from('A note'), 'note.txt', { title: w.f.unique('Note'), kind: 'memo' }) }),
  },
  { route: 'GET /api/documents', cells: [401, 200, 200, 200, 403, 200, 200], call: () => ({ path: '/api/documents' }) },
  { route: 'GET /api/documents/:id', cells: CASE_READ(200), call: async (w) => ({ path: `/api/documents/${(await doc(w)).id}` }) },
  {
    route: 'PATCH /api/documents/:id',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/documents/${(await doc(w)).id}`, body: { title: 'Renamed' } }),
  },
  {
    route: 'POST /api/documents/:id/versions',
    cells: CASE_READ(201),
    call: async (w) => ({ path: `/api/documents/${(await doc(w)).id}/versions`, body: form(Buffer.from('Second draft'), 'note.txt') }),
  },
  { route: 'GET /api/documents/:id/download', cells: CASE_READ(200), call: async (w) => ({ path: `/api/documents/${(await doc(w)).id}/download` }) },

  // ── medical
  { route: 'GET /api/cases/:id/medical-incidents', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/medical-incidents` }) },
  {
    route: 'POST /api/cases/:id/medical-incidents',
    cells: CASE_READ(201),
    call: (w) => ({
      path: `${home(w)}/medical-incidents`,
      body: { occurredAt: inDays(-1), type: 'check_up', severity: 'low', source: 'family', description: 'Seen by a nurse' },
    }),
  },
  { route: 'GET /api/cases/:id/medical-settings', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/medical-settings` }) },
  { route: 'PUT /api/cases/:id/medical-settings', cells: CASE_READ(200), call: (w) => ({ path: `${home(w)}/medical-settings`, body: { noNewsDays: 9 } }) },
  {
    route: 'GET /api/medical-incidents/:id',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/medical-incidents/${(await w.f.newIncident(w.home.id)).id}` }),
  },
  {
    route: 'PATCH /api/medical-incidents/:id',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/medical-incidents/${(await w.f.newIncident(w.home.id)).id}`, body: { description: 'Corrected', reason: 'A typo' } }),
  },
  {
    route: 'GET /api/medical-incidents/:id/versions',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/medical-incidents/${(await w.f.newIncident(w.home.id)).id}/versions` }),
  },
  {
    route: 'PATCH /api/contact-events/:id',
    cells: LAWYER_WRITE(200),
    call: async (w) => ({ path: `/api/contact-events/${(await w.f.newContact(w.home.id)).event.id}`, body: { notes: 'Corrected', reason: 'A typo' } }),
  },
  {
    route: 'GET /api/contact-events/:id/versions',
    cells: CASE_READ(200),
    call: async (w) => ({ path: `/api/contact-events/${(await w.f.newContact(w.home.id)).event.id}/versions` }),
  },
  // The medical state of the caller's cases (lists only what they may read; finance reads no medical record).
  { route: 'GET /api/medical/overview', cells: [401, 200, 200, 200, 403, 200, 200], call: () => ({ path: '/api/medical/overview' }) },
  { route: 'GET /api/medical-alerts', cells: ALERT_LIST(200), call: () => ({ path: '/api/medical-alerts?status=open' }) },
  { route: 'GET /api/medical-alerts/stream', cells: ALERT_LIST(200), call: () => ({ path: '/api/medical-alerts/stream' }) },
  { route: 'GET /api/medical-alerts/count', cells: ALERT_LIST(200), call: () => ({ path: '/api/medical-alerts/count' }) },
  {
    route: 'GET /api/medical-alerts/:id',
    cells: ALERT_WORK(200),
    call: async (w) => ({ path: `/api/medical-alerts/${(await w.f.newAlert(w.home.id)).alert.id}` }),
  },
  {
    route: 'POST /api/medical-alerts/:id/acknowledge',
    cells: ALERT_WORK(200),
    call: async (w) => ({ path: `/api/medical-alerts/${(await w.f.newAlert(w.home.id)).alert.id}/acknowledge` }),
  },
  {
    route: 'POST /api/medical-alerts/:id/resolve',
    cells: ALERT_WORK(200),
    call: async (w) => ({ path: `/api/medical-alerts/${(await w.f.newAlert(w.home.id)).alert.id}/resolve`, body: { note: 'Seen by a doctor' } }),
  },

  // ── alerts on phones: each person's own channels; the on-call rota is the admins'
  { route: 'GET /api/push/vapid-public-key', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/push/vapid-public-key' }) },
  { route: 'GET /api/me/push-subscriptions', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/me/push-subscriptions' }) },
  {
    route: 'POST /api/me/push-subscriptions',
    cells: ALL_SIGNED_IN(201),
    call: async (w, a) => ({ path: '/api/me/push-subscriptions', body: browserSubscription(), as: (await selfService(w, a)).as }),
  },
  {
    route: 'DELETE /api/me/push-subscriptions/:id',
    cells: ALL_SIGNED_IN(204),
    call: async (w, a) => {
      const self = await selfService(w, a);
      if (!self.as) return { path: '/api/me/push-subscriptions/00000000-0000-4000-8000-000000000001', as: null };
      const { body } = await self.as.post('/api/me/push-subscriptions', browserSubscription());
      return { path: `/api/me/push-subscriptions/${body.id}`, as: self.as };
    },
  },
  { route: 'GET /api/me/telegram', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/me/telegram' }) },
  { route: 'POST /api/me/telegram', cells: ALL_SIGNED_IN(201), call: () => ({ path: '/api/me/telegram' }) },
  { route: 'DELETE /api/me/telegram', cells: ALL_SIGNED_IN(204), call: async (w, a) => ({ path: '/api/me/telegram', as: (await selfService(w, a)).as }) },
  { route: 'GET /api/me/alert-preferences', cells: ALL_SIGNED_IN(200), call: () => ({ path: '/api/me/alert-preferences' }) },
  {
    route: 'PUT /api/me/alert-preferences',
    cells: ALL_SIGNED_IN(200),
    call: async (w, a) => ({
      path: '/api/me/alert-preferences',
      body: { language: 'ru', quietHours: { start: '23:00', end: '07:00' } },
      as: (await selfService(w, a)).as,
    }),
  },
  { route: 'POST /api/me/test-alert', cells: ALL_SIGNED_IN(200), call: async (w, a) => ({ path: '/api/me/test-alert', as: (await selfService(w, a)).as }) },
  { route: 'GET /api/on-call/policy', cells: ADMIN_ONLY(200), call: (w) => ({ path: `/api/on-call/policy?caseId=${w.home.id}` }) },
  {
    route: 'PUT /api/on-call/policy',
    cells: ADMIN_ONLY(200),
    call: (w) => ({
      path: '/api/on-call/policy',
      body: { caseId: w.home.id, escalateAfterMinutes: 10, shifts: [{ userId: w.users.medic.id, weekday: 1, start: '09:00', end: '21:00' }] },
    }),
  },
  {
    route: 'POST /api/on-call/overrides',
    cells: ADMIN_ONLY(201),
    call: async (w) => ({ path: '/api/on-call/overrides', body: await overrideRequest(w) }),
  },
  {
    route: 'DELETE /api/on-call/overrides/:id',
    cells: ADMIN_ONLY(204),
    call: async (w) => ({ path: `/api/on-call/overrides/${(await w.f.admin.post('/api/on-call/overrides', await overrideRequest(w))).body.id}` }),
  },

  // ── money
  { route: 'GET /api/donations', cells: MONEY(200), call: () => ({ path: '/api/donations' }) },
  { route: 'GET /api/donations/summary', cells: MONEY(200), call: () => ({ path: '/api/donations/summary' }) },
  { route: 'GET /api/donations/attention', cells: MONEY(200), call: () => ({ path: '/api/donations/attention' }) },
  { route: 'GET /api/donations/export.csv', cells: MONEY(200), call: () => ({ path: '/api/donations/export.csv' }) },
  { route: 'GET /api/donations/ledger', cells: MONEY(200), call: () => ({ path: '/api/donations/ledger' }) },
  {
    route: 'POST /api/donations/offline',
    cells: MONEY(201),
    call: (w) => ({ path: '/api/donations/offline', body: { caseId: w.home.id, amountMinor: 3000, currency: 'EUR', method: 'cash' } }),
  },
  { route: 'POST /api/donations/reconciliation', cells: MONEY(200), call: () => ({ path: '/api/donations/reconciliation' }) },
  { route: 'GET /api/donations/:id', cells: MONEY(200), call: async (w) => ({ path: `/api/donations/${(await w.f.newOfflineDonation(w.home.id)).id}` }) },
  // Erasing every donor at once is the admin's decision alone; the treasurer erases one donor on request.
  { route: 'POST /api/donors/erase-all', cells: ADMIN_ONLY(200), call: () => ({ path: '/api/donors/erase-all' }) },
  {
    route: 'POST /api/donors/:id/erase',
    cells: MONEY(204),
    call: async (w) => ({ path: `/api/donors/${(await w.f.newOfflineDonation(w.home.id, { email: `${w.f.unique('donor')}@example.org` })).donorId}/erase` }),
  },
  { route: 'GET /api/cases/:id/expenses', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/expenses` }) },
  {
    route: 'POST /api/cases/:id/expenses',
    cells: MONEY(201),
    call: (w) => ({ path: `${home(w)}/expenses`, body: { category: 'travel', payee: 'Railways', spentOn: '2026-11-02', amountMinor: 4200, currency: 'EUR' } }),
  },
  {
    // Two people: the approver is never the one who submitted it.
    route: 'POST /api/expenses/:id/approve',
    cells: MONEY(200),
    call: async (w, a) => ({ path: `/api/expenses/${(await w.f.newExpense(w.home.id, a === 'admin' ? w.users.finance.client : w.f.admin)).id}/approve` }),
  },
  { route: 'GET /api/cases/:id/receipts', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/receipts?q=invoice` }) },
  {
    route: 'POST /api/cases/:id/receipts',
    cells: MONEY(201),
    call: (w) => ({ path: `${home(w)}/receipts`, body: form(Buffer.from('Invoice 7'), 'invoice-7.txt', { title: w.f.unique('Invoice') }) }),
  },
  { route: 'GET /api/cases/:id/ledger', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/ledger` }) },
  // Whoever sees the case sees its fundraising (finance every case's): the figures its public page shows.
  { route: 'GET /api/cases/:id/fundraising', cells: [401, 200, 200, 200, 200, 404, 404], call: (w) => ({ path: `${home(w)}/fundraising` }) },
  { route: 'GET /api/cases/:id/campaign', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/campaign` }) },
  {
    route: 'PUT /api/cases/:id/campaign',
    cells: MONEY(200),
    call: (w) => ({
      path: `${home(w)}/campaign`,
      body: { goals: [{ amountMinor: 500000, currency: 'EUR' }], statementDescriptor: null, currencies: ['EUR'], maxAmountMinor: 1000000 },
    }),
  },
  { route: 'GET /api/public/campaigns/:slug', cells: PUBLIC(200), call: (w) => ({ path: `/api/public/campaigns/${w.home.slug}` }) },
  {
    route: 'POST /api/public/campaigns/:slug/checkout',
    cells: PUBLIC(201),
    call: (w) => ({ path: `/api/public/campaigns/${w.home.slug}/checkout`, body: { amountMinor: 1000, currency: 'EUR', anonymous: true } }),
  },
  {
    route: 'GET /api/public/donor-links/:token',
    cells: PUBLIC(200),
    call: async (w) => ({ path: `/api/public/donor-links/${(await offlineLink(w)).token}` }),
  },
  {
    route: 'GET /api/public/donor-links/:token/receipts/:id',
    cells: PUBLIC(200),
    call: async (w) => ({ path: (await offlineLink(w)).receiptPath }),
  },
  {
    route: 'POST /api/public/donor-links/:token/gifts/:id/cancel',
    cells: PUBLIC(200),
    call: async (w) => {
      const gift = await paidMonthlyGift(w.f.t, w.stripe, w.home.slug);
      return { path: `/api/public/donor-links/${(await mailedLink(w.f.t, gift)).token}/gifts/${gift}/cancel` };
    },
  },
  {
    route: 'PATCH /api/public/donor-links/:token/gifts/:id',
    cells: PUBLIC(200),
    call: async (w) => {
      const gift = await paidMonthlyGift(w.f.t, w.stripe, w.home.slug);
      return { path: `/api/public/donor-links/${(await mailedLink(w.f.t, gift)).token}/gifts/${gift}`, body: { amountMinor: 2000 } };
    },
  },
  { route: 'GET /api/fund-settings', cells: MONEY(200), call: () => ({ path: '/api/fund-settings' }) },
  {
    route: 'PUT /api/fund-settings',
    cells: MONEY(200),
    call: () => ({ path: '/api/fund-settings', body: { legalName: { ru: 'АНО «Защита»', en: 'Defence ANO' } } }),
  },
  { route: 'GET /api/cases/:id/campaign/texts', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/campaign/texts` }) },
  {
    route: 'PUT /api/cases/:id/campaign/texts',
    cells: MONEY(200),
    call: (w) => ({
      path: `${home(w)}/campaign/texts`,
      body: { ru: { title: 'Дело', summary: 'Кратко', otherWays: '' }, en: { title: 'Case', summary: 'In short', otherWays: '' } },
    }),
  },
  { route: 'GET /api/cases/:id/bank-details', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/bank-details` }) },
  { route: 'PUT /api/cases/:id/bank-details', cells: MONEY(200), call: (w) => ({ path: `${home(w)}/bank-details`, body: DEMO_BANK_DETAILS }) },
  {
    route: 'GET /api/public/campaigns/:slug/bank-transfer',
    cells: PUBLIC(200),
    call: async (w) => (await w.f.newBankDetails(w.home.id), { path: `/api/public/campaigns/${w.home.slug}/bank-transfer?amountMinor=100000` }),
  },
  {
    route: 'GET /api/public/campaigns/:slug/bank-transfer/qr.png',
    cells: PUBLIC(200),
    call: async (w) => (await w.f.newBankDetails(w.home.id), { path: `/api/public/campaigns/${w.home.slug}/bank-transfer/qr.png` }),
  },
  {
    route: 'POST /api/public/campaigns/:slug/bank-transfer/pledges',
    cells: PUBLIC(201),
    call: async (w) => (
      await w.f.newBankDetails(w.home.id),
      { path: `/api/public/campaigns/${w.home.slug}/bank-transfer/pledges`, body: { amountMinor: 100000, email: 'pledge@example.org' } }
    ),
  },
  {
    route: 'POST /api/donations/bank-statements',
    cells: MONEY(201),
    call: async (w) => ({ path: '/api/donations/bank-statements', body: form((await w.f.newUnmatchedTransfer()).bytes, 'statement.txt') }),
  },
  { route: 'GET /api/donations/bank-statements', cells: MONEY(200), call: () => ({ path: '/api/donations/bank-statements' }) },
  {
    route: 'DELETE /api/donations/bank-statements/:id/file',
    cells: MONEY(204),
    call: async (w) => ({ path: `/api/donations/bank-statements/${(await w.f.newUnmatchedTransfer()).statementId}/file` }),
  },
  { route: 'GET /api/donations/bank-transfers', cells: MONEY(200), call: () => ({ path: '/api/donations/bank-transfers?status=unmatched' }) },
  {
    route: 'POST /api/donations/bank-transfers/:id/assign',
    cells: MONEY(200),
    call: async (w) => ({ path: `/api/donations/bank-transfers/${(await w.f.newUnmatchedTransfer()).transferId}/assign`, body: { notADonation: true } }),
  },
  {
    route: 'POST /api/webhooks/stripe',
    cells: PUBLIC(200),
    call: (w) => {
      const event = {
        id: w.f.unique('evt_matrix'),
        object: 'event',
        type: 'customer.created',
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: 'cus_matrix', object: 'customer' } },
      };
      const { payload, header } = signed(event, WEBHOOK_SECRET);
      return { path: '/api/webhooks/stripe', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': header } };
    },
  },
];

/**
 * Cells where the app today answers differently from the product rule, each with who settles it. A cell listed
 * here passes with the rule's status or with today's; fix the app, then delete the line. The list may only shrink.
 */
const knownGaps: Array<{ route: string; actors: ActorName[]; today: number; why: string }> = [
  // CONTRACT.md: legal actions and templates are for "lawyers of the case, admin"; the admin app shows them to medical
  // staff too (Actions and Templates in the navigation). Product decision pending: contract or app.
  { route: 'GET /api/legal-actions', actors: ['medic', 'medic2'], today: 200, why: 'medical staff read legal actions (contract: lawyers, admin)' },
  { route: 'GET /api/cases/:id/legal-actions', actors: ['medic'], today: 200, why: 'medical staff read legal actions (contract: lawyers, admin)' },
  { route: 'GET /api/cases/:id/legal-actions', actors: ['medic2'], today: 404, why: 'medical staff read legal actions (contract: lawyers, admin)' },
  { route: 'GET /api/legal-actions/:id', actors: ['medic'], today: 200, why: 'medical staff read legal actions (contract: lawyers, admin)' },
  { route: 'GET /api/legal-actions/:id', actors: ['medic2'], today: 404, why: 'medical staff read legal actions (contract: lawyers, admin)' },
  { route: 'GET /api/legal-templates', actors: ['medic', 'medic2'], today: 200, why: 'medical staff read templates (contract: lawyers, admin)' },
  { route: 'GET /api/legal-templates/:id', actors: ['medic', 'medic2'], today: 200, why: 'medical staff read templates (contract: lawyers, admin)' },
];

function acceptable(route: string, actor: ActorName, rule: number, status: number): boolean {
  if (status === rule) return true;
  return knownGaps.some((gap) => gap.route === route && gap.actors.includes(actor) && gap.today === status);
}

/** Sends one call as `client` without letting the answer change the client's cookies; streams are cut after the headers. */
async function send(baseUrl: string, method: string, call: Call, client: HttpClient | null): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...call.headers };
  if (client) {
    headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && client.csrf) headers['x-csrf-token'] = client.csrf;
  }
  let body: RequestInit['body'];
  if (call.body instanceof FormData || typeof call.body === 'string') body = call.body;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  const abort = new AbortController();
  const response = await fetch(baseUrl + call.path, { method, headers, body, signal: abort.signal, redirect: 'manual' });
  const streaming = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  const text = streaming ? '' : await response.text();
  abort.abort();
  return { status: response.status, text };
}

describe('access matrix: role × route, written from the product rules', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let telegram: FakeTelegram;
  let w: World;

  before(async () => {
    stripe = await startFakeStripe();
    telegram = await startFakeTelegram();
    t = await startTestApp({
      env: {
        STRIPE_SECRET_KEY: 'sk_test_matrix',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_URL: telegram.url,
      },
    });
    const f = await Fixtures.of(t);
    const users = {
      admin: await f.newUser('admin'),
      lawyer: await f.newUser('lawyer'),
      medic: await f.newUser('medical'),
      finance: await f.newUser('finance'),
      lawyer2: await f.newUser('lawyer'),
      medic2: await f.newUser('medical'),
    };
    const homeCase = await f.newCase({ members: [users.lawyer, users.medic], isPublic: true });
    const otherCase = await f.newCase({ members: [users.lawyer2, users.medic2] });
    const feed = await f.admin.post('/api/calendar/feed');
    assert.equal(feed.status, 201);
    w = { f, users, home: homeCase, other: otherCase, calendarFile: String(feed.body.url).split('/').pop()!, stripe };
  });
  after(async () => {
    await t?.close();
    await stripe?.close();
    await telegram?.close();
  });

  it('has exactly one row for every route the app serves (add a row here when you add a route)', () => {
    const live = liveRoutes(t.app).map((r) => r.key);
    const written = rows.map((r) => r.route);
    const missing = live.filter((key) => !written.includes(key));
    const stale = written.filter((key) => !live.includes(key));
    const twice = written.filter((key, i) => written.indexOf(key) !== i);
    assert.deepEqual(
      { missing, stale, twice },
      { missing: [], stale: [], twice: [] },
      `apps/api/test/access-matrix.e2e.ts: every route needs one row saying who may call it (missing: add a row from the product's rules; stale: remove it)`,
    );
  });

  for (const row of rows) {
    it(`${row.route}: ${row.cells.join(' ')}`, async () => {
      const [method] = row.route.split(' ');
      const wrong: string[] = [];
      for (const [i, actor] of actors.entries()) {
        const call = await row.call(w, actor);
        const client = call.as !== undefined ? call.as : actor === 'anon' ? null : w.users[actor].client;
        const { status, text } = await send(t.baseUrl, method, call, client);
        if (!acceptable(row.route, actor, row.cells[i], status)) wrong.push(`${actor}: expected ${row.cells[i]}, got ${status} ${text.slice(0, 160)}`);
      }
      if (wrong.length) assert.fail(wrong.join('\n'));
    });
  }

  for (const row of rows.filter((r) => r.crossCase)) {
    it(`${row.route}: a lawyer of another case reaching a sub-resource through their own case gets 404`, async () => {
      const [method] = row.route.split(' ');
      const call = await row.crossCase!(w);
      const before = await send(t.baseUrl, 'GET', { path: call.list }, w.f.admin);
      const { status, text } = await send(t.baseUrl, method, call, w.users.lawyer2.client);
      assert.equal(status, 404, text);
      const afterwards = await send(t.baseUrl, 'GET', { path: call.list }, w.f.admin);
      assert.equal(before.status, 200);
      assert.equal(afterwards.text, before.text, "the home case's records are unchanged");
    });
  }

  it('lists its known gaps by route, each naming a route of the table', () => {
    for (const gap of knownGaps)
      assert.ok(
        rows.some((row) => row.route === gap.route),
        `known gap on a route without a row: ${gap.route}`,
      );
  });

  it('the sessions used by the sweep are still alive', async () => {
    for (const name of ['admin', 'lawyer', 'medic', 'finance', 'lawyer2', 'medic2'] as const) {
      assert.equal((await w.users[name].client.get('/api/auth/me')).status, 200, name);
    }
  });
});
