import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DonationsService } from '../src/donations/donations.service';
import { checkoutSession, deliver, events } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';

/** What finance does without Stripe (lists, offline money, expenses, exports, erasure), and what a fund without Stripe answers. */
describe('donations: finance, without Stripe configured', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ seed: true });
  });
  after(async () => t?.close());

  it('lists donations with donors for finance, audits the view, and refuses other roles', async () => {
    const finance = await t.signIn('finance@demo.local');
    const page = await finance.get('/api/donations?limit=5&currency=EUR');
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 5);
    assert.ok(page.body.nextCursor);
    assert.ok(page.body.items.every((d: { currency: string }) => d.currency === 'EUR'));
    const next = await finance.get(`/api/donations?limit=5&currency=EUR&cursor=${page.body.nextCursor}`);
    assert.equal(next.status, 200);
    assert.ok(!next.body.items.some((d: { id: string }) => page.body.items.some((p: { id: string }) => p.id === d.id)));
    const named = await finance.get('/api/donations?limit=100&kind=one_off&status=paid');
    const anna = named.body.items.find((d: { donorName: string | null }) => d.donorName === 'Anna K.');
    assert.ok(anna);
    assert.equal(anna.donorEmail, 'anna@example.org');
    const audit = await t.db.query(`select count(*)::int as n from audit_log where entity_type = 'donation' and entity_id = $1`, [anna.id]);
    assert.ok(audit.rows[0].n >= 1);
    assert.equal((await (await t.signIn('lawyer@demo.local')).get('/api/donations')).status, 403);
    assert.equal((await t.client().get('/api/donations')).status, 401);
    assert.equal((await finance.get('/api/donations?status=bogus')).status, 400);
  });

  it('records an anonymous offline donation without an email and counts it in the totals', async () => {
    const finance = await t.signIn('finance@demo.local');
    const caseId = (await t.db.query(`select id from cases where slug = 'second-case'`)).rows[0].id;
    const before = await t.client().get('/api/public/campaigns/vorontsov');
    const response = await finance.post('/api/donations/offline', { caseId, amountMinor: 12000, currency: 'EUR', method: 'crypto (USDT)', anonymous: true });
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(
      { kind: response.body.kind, status: response.body.status, donorId: response.body.donorId },
      { kind: 'offline', status: 'paid', donorId: null },
    );
    const ledger = await finance.get(`/api/cases/${caseId}/ledger`);
    const eur = ledger.body.currencies.find((c: { currency: string }) => c.currency === 'EUR');
    assert.ok(eur.raisedMinor >= 12000);
    assert.equal(eur.balanceMinor, eur.raisedMinor - eur.refundedMinor - eur.disputedMinor - eur.feesMinor - eur.spentMinor);
    assert.equal((await t.client().get('/api/public/campaigns/vorontsov')).body.donorCount, before.body.donorCount);
    assert.equal((await finance.post('/api/donations/offline', { caseId, amountMinor: -5, currency: 'EUR', method: 'cash' })).status, 400);
    const adminId = (await t.db.query(`select id from users where email = 'admin@demo.local'`)).rows[0].id;
    const actor = { id: adminId, email: 'admin@demo.local', name: 'Admin', role: 'admin' as const, sessionId: 'x', ip: '127.0.0.1', userAgent: 'test' };
    const thisMonth = await t.app.get(DonationsService).raisedThisMonthFor(actor);
    assert.ok((thisMonth.find((m) => m.currency === 'EUR')?.amountMinor ?? 0) >= 12000);
  });

  it('pays an expense only after a second finance or admin user approves it', async () => {
    const finance = await t.signIn('finance@demo.local');
    const admin = await t.signIn('admin@demo.local');
    const created = await finance.post('/api/cases/vorontsov/expenses', {
      category: 'travel',
      payee: 'Train tickets',
      spentOn: '2026-11-01',
      amountMinor: 8800,
      currency: 'EUR',
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.status, 'awaiting_approval');
    const self = await finance.post(`/api/expenses/${created.body.id}/approve`);
    assert.equal(self.status, 403);
    const campaignBefore = await t.client().get('/api/public/campaigns/vorontsov');
    assert.ok(!campaignBefore.body.spent.some((s: { category: string }) => s.category === 'travel'));
    const approved = await admin.post(`/api/expenses/${created.body.id}/approve`);
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.body.status, 'paid');
    assert.equal((await admin.post(`/api/expenses/${created.body.id}/approve`)).status, 409);
    const campaign = await t.client().get('/api/public/campaigns/vorontsov');
    assert.deepEqual(
      campaign.body.spent.find((s: { category: string }) => s.category === 'travel'),
      { category: 'travel', currency: 'EUR', amountMinor: 8800 },
    );
    const ledger = await finance.get('/api/cases/vorontsov/ledger');
    const eur = ledger.body.currencies.find((c: { currency: string }) => c.currency === 'EUR');
    assert.ok(eur.spentByCategory.some((s: { category: string; amountMinor: number }) => s.category === 'travel' && s.amountMinor === 8800));
    const list = await finance.get('/api/cases/vorontsov/expenses');
    assert.ok(list.body.items.some((e: { status: string }) => e.status === 'awaiting_approval'));
    assert.equal(
      (await finance.post('/api/cases/vorontsov/expenses', { category: 'yachts', payee: 'x', spentOn: '2026-11-01', amountMinor: 1, currency: 'EUR' })).status,
      400,
    );
    assert.equal((await (await t.signIn('lawyer@demo.local')).get('/api/cases/vorontsov/expenses')).status, 403);
    const timeline = await admin.get('/api/cases/vorontsov/timeline?types=money&limit=100');
    assert.ok(timeline.body.items.some((item: { title: string }) => item.title === 'Получено первое пожертвование'));
    assert.ok(timeline.body.items.some((item: { title: string }) => item.title.startsWith('Оплачен расход: поездки')));
  });

  it('streams a CSV with one line per money movement, refunds included, and audits the export', async () => {
    const finance = await t.signIn('finance@demo.local');
    const response = await finance.get('/api/donations/export.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const cookie = [...finance.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const bytes = Buffer.from(await (await fetch(`${t.baseUrl}/api/donations/export.csv`, { headers: { cookie } })).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 BOM: Excel on Windows would garble Cyrillic');
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines[0], 'at,case,kind,currency,gross,fee,net,gross_minor,fee_minor,net_minor,donor,donation_id,expense_id,category,reference');
    const { rows } = await t.db.query(`select count(*)::int as n from ledger_entries`);
    assert.equal(lines.length - 1, rows[0].n);
    assert.ok(lines.some((line) => line.includes(',refund,')));
    assert.ok(lines.some((line) => line.includes(',expense,')));
    // Demo card payments carry Stripe's fee: gross − fee = net on the same line.
    const withFee = lines.map((line) => line.split(',')).find((cells) => cells[2] === 'payment' && Number(cells[8]) > 0);
    assert.ok(withFee, 'no payment line with a fee');
    assert.equal(Number(withFee[7]) - Number(withFee[8]), Number(withFee[9]));
    assert.ok(!response.text.includes('@'));
    const audit = await t.db.query(`select count(*)::int as n from audit_log where action = 'donation.exported'`);
    assert.equal(audit.rows[0].n, 2, 'each of the two exports above is audited');
    const none = await finance.get('/api/donations/export.csv?from=2001-01-01&to=2001-01-02');
    assert.equal(
      none.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n').length,
      1,
    );
  });

  it('exports amounts in each currency exponent, names only donors who agreed, keeps Cyrillic, and defuses formulas', async () => {
    const finance = await t.signIn('finance@demo.local');
    const caseId = (await t.db.query(`select id from cases where slug = 'second-case'`)).rows[0].id;
    const gifts = [
      { amountMinor: 5000, currency: 'JPY', name: 'Ирина Смирнова', anonymous: false },
      { amountMinor: 1500, currency: 'KWD', name: 'Скрытый Даритель', anonymous: true },
      { amountMinor: 1234, currency: 'EUR', name: '=HYPERLINK("http://evil.example","click")', anonymous: false },
    ];
    const ids: string[] = [];
    for (const gift of gifts) {
      const saved = await finance.post('/api/donations/offline', { caseId, method: 'cash', receivedOn: '2024-02-29', ...gift });
      assert.equal(saved.status, 201, saved.text);
      ids.push(saved.body.id);
    }
    const response = await finance.get(`/api/donations/export.csv?caseId=${caseId}&from=2024-02-29&to=2024-02-29`);
    const [header, ...lines] = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines.length, 3, response.text);
    const byDonation = (id: string) => lines.find((line) => line.includes(id)) ?? '';
    assert.ok(header.startsWith('at,case,kind,currency,gross,fee,net'));
    assert.match(byDonation(ids[0]), /,JPY,5000,0,5000,5000,0,5000,Ирина Смирнова,/);
    assert.match(byDonation(ids[1]), /,KWD,1\.500,0\.000,1\.500,1500,0,1500,,/);
    assert.ok(!response.text.includes('Скрытый'), 'a donor who did not agree to be named is in the export');
    assert.match(byDonation(ids[2]), /,EUR,12\.34,0\.00,12\.34,1234,0,1234,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",/);
  });

  it('erases a donor identity and keeps the amounts and totals', async () => {
    const admin = await t.signIn('admin@demo.local');
    const finance = await t.signIn('finance@demo.local');
    const all = await admin.get('/api/donations?limit=100');
    const anna = all.body.items.find((d: { donorName: string | null }) => d.donorName === 'Anna K.');
    const before = await t.client().get('/api/public/campaigns/vorontsov');
    const link = `select count(*)::int as n from donor_links where donor_id = $1`;
    await t.db.query(`insert into donor_links (donor_id, token_sha256) values ($1, $2)`, [anna.donorId, `test-${anna.donorId}`]);
    assert.equal((await finance.post(`/api/donors/${anna.donorId}/erase`)).status, 204);
    assert.equal((await t.db.query(link, [anna.donorId])).rows[0].n, 0, 'the private link outlived the erasure');
    const after = await t.client().get('/api/public/campaigns/vorontsov');
    assert.ok(!after.text.includes('Anna K.'));
    assert.deepEqual(after.body.raised, before.body.raised);
    const erased = await admin.get(`/api/donations/${anna.id}`);
    assert.deepEqual(
      { name: erased.body.donorName, email: erased.body.donorEmail, paid: erased.body.paidMinor },
      { name: null, email: null, paid: anna.paidMinor },
    );
    assert.equal((await finance.post('/api/donors/erase-all')).status, 403);
    const everyone = await admin.post('/api/donors/erase-all');
    assert.equal(everyone.status, 200);
    assert.ok(everyone.body.erased > 0);
    const { rows } = await t.db.query(`select count(*)::int as n from donor_identities where name is not null or email is not null or message is not null`);
    assert.equal(rows[0].n, 0);
    assert.deepEqual((await t.client().get('/api/public/campaigns/vorontsov')).body.raised, before.body.raised);
    const audit = await t.db.query(`select action from audit_log where entity_type = 'donor' order by at`);
    assert.deepEqual(
      audit.rows.map((r) => r.action),
      ['donor.erased', 'donor.erased_all'],
    );
  });

  it('answers 503 with a clear message to Checkout and says payments are off on the campaign', async () => {
    const response = await t.client().post('/api/public/campaigns/vorontsov/checkout', { amountMinor: 1000, currency: 'EUR', anonymous: true });
    assert.equal(response.status, 503);
    assert.match(response.body.message, /not configured/);
    assert.equal((await t.client().get('/api/public/campaigns/vorontsov')).body.paymentsEnabled, false);
    assert.equal((await t.db.query(`select count(*)::int as n from donations where status = 'pending'`)).rows[0].n, 0);
  });

  it('answers reconciliation with 503 and a clear message', async () => {
    const finance = await t.signIn('finance@demo.local');
    const response = await finance.post('/api/donations/reconciliation');
    assert.equal(response.status, 503);
    assert.match(response.body.message, /not configured/);
  });

  it('refuses webhooks it cannot verify with 400 and stores nothing', async () => {
    const response = await deliver(t.baseUrl, events.sessionCompleted(checkoutSession({ campaign: 'vorontsov', amount: 1000 })));
    assert.equal(response.status, 400);
    assert.equal((await t.db.query(`select count(*)::int as n from stripe_events`)).rows[0].n, 0);
  });

  it('never publishes an email typed into a supporter message', async () => {
    const finance = await t.signIn('finance@demo.local');
    const caseId = (await t.db.query(`select id from cases where slug = 'vorontsov'`)).rows[0].id;
    const saved = await finance.post('/api/donations/offline', {
      caseId,
      amountMinor: 500,
      currency: 'EUR',
      method: 'cash',
      message: 'write me at secret@example.org',
    });
    assert.equal(saved.status, 201);
    const campaign = await t.client().get('/api/public/campaigns/vorontsov');
    assert.ok(campaign.body.supporters.some((s: { message: string | null }) => s.message === 'write me at […]'));
    assert.ok(!campaign.text.includes('@'));
  });
});
