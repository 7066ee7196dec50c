import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseFiles, scanForMarkers } from './support/at-rest';
import { form } from './support/document-files';
import { startFakeStripe, type FakeStripe } from './support/fake-stripe';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { checkoutSession, deliver, events, WEBHOOK_SECRET } from './support/stripe-events';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** A word that appears nowhere unless this run wrote it (ciphertext is base64, so it cannot occur by chance). */
const marker = (what: string) => `zq${what}${randomBytes(5).toString('hex')}`;

/** The control: a plain column written by the same request is found in both the heap and the WAL. */
function assertScanSees(hits: Array<{ file: string }>, heap: string, wal: string) {
  assert.ok(
    hits.some((hit) => hit.file.startsWith(heap)),
    'the scan finds a plaintext control value in the heap files',
  );
  assert.ok(
    hits.some((hit) => hit.file.startsWith(wal)),
    'the scan finds a plaintext control value in the WAL',
  );
}

/**
 * At rest means on disk: after writing sensitive values through the API, read the database's own files (heap,
 * indexes, TOAST), the write-ahead log and the file store byte by byte. A value sealed only in the API's replies,
 * or sealed after a plaintext copy went to a job payload, an audit detail or the WAL, shows up here.
 */
describe('sensitive values are not on disk in plaintext', () => {
  let t: TestApp;
  let stripe: FakeStripe;
  let f: Fixtures;
  let medic: FixtureUser;
  let theCase: FixtureCase;
  const started = Date.now();

  before(async () => {
    stripe = await startFakeStripe();
    t = await startTestApp({ env: { STRIPE_SECRET_KEY: 'sk_test_rest', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_URL: stripe.url } });
    f = await Fixtures.of(t);
    medic = await f.newUser('medical');
    theCase = await f.newCase({ members: [medic], isPublic: true });
  });
  after(async () => {
    await t?.close();
    await stripe?.close();
  });

  it('medical: description and outcome of incidents (and the alerts they open) appear only sealed', async () => {
    const [description, outcome, facility] = [marker('diagnosis'), marker('outcome'), marker('facility')];
    for (const severity of ['low', 'critical']) {
      await f.newIncident(theCase.id, { severity, type: 'ambulance_call', description: `${description} ${severity}`, outcome, facility }, medic.client);
    }
    const read = await medic.client.get(`/api/cases/${theCase.id}/medical-incidents`);
    assert.equal(read.status, 200);
    assert.equal(read.body.items.filter((item: { outcome: string }) => item.outcome === outcome).length, 2, 'the API still reads them back');
    const { heap, wal } = await databaseFiles(t.db);
    assert.deepEqual(scanForMarkers([heap, wal], [description, outcome], started), []);
    assertScanSees(scanForMarkers([heap, wal], [facility], started), heap, wal);
  });

  it('donors: names, emails and messages from checkout, offline entry and a Stripe payment link appear only sealed', async () => {
    const name = marker('Name');
    const email = `${marker('mail')}@example.org`;
    const message = marker('message');
    const checkout = await t
      .client()
      .post(`/api/public/campaigns/${theCase.slug}/checkout`, { amountMinor: 2500, currency: 'EUR', anonymous: false, name, email, message });
    assert.equal(checkout.status, 201, checkout.text);
    const offlineName = marker('Offline');
    const method = marker('method');
    const offlineEmail = `${marker('offline')}@example.org`;
    const offline = await f.admin.post('/api/donations/offline', {
      caseId: theCase.id,
      amountMinor: 9000,
      currency: 'EUR',
      method,
      anonymous: false,
      name: offlineName,
      email: offlineEmail,
      message,
    });
    assert.equal(offline.status, 201, offline.text);
    const linkEmail = `${marker('link')}@example.org`;
    const paid = await deliver(t.baseUrl, events.sessionCompleted(checkoutSession({ campaign: theCase.slug, amount: 4100, email: linkEmail })));
    assert.equal(paid.status, 200);
    const { heap, wal } = await databaseFiles(t.db);
    assert.deepEqual(scanForMarkers([heap, wal], [name, email, message, offlineName, offlineEmail, linkEmail], started), []);
    assertScanSees(scanForMarkers([heap, wal], [method], started), heap, wal);
  });

  it('documents: the extracted text appears only sealed; its words, by design, as lexemes of the search vector', async () => {
    const [seen, vehicle] = [marker('seen'), marker('vehicle')];
    const sentence = `Свидетель ${seen} видел, как ${vehicle} отъехал от здания суда`;
    const created = await f.admin.post(
      `/api/cases/${theCase.id}/documents`,
      form(Buffer.from(`${sentence}\n`), 'statement.txt', { title: 'Witness statement', kind: 'evidence' }),
    );
    assert.equal(created.status, 201, created.text);
    await waitFor('the text extracted', async () => {
      const { rows } = await t.db.query(`select text_status from document_versions where document_id = $1`, [created.body.id]);
      return rows[0]?.text_status === 'done';
    });
    const found = await f.admin.get(`/api/documents?q=${seen}`);
    assert.equal(found.status, 200);
    assert.deepEqual(
      found.body.items.map((item: { id: string }) => item.id),
      [created.body.id],
    );
    assert.match(found.body.items[0].snippet, new RegExp(`««${seen}»» видел, как ${vehicle} отъехал`), 'the snippet comes from the opened text');
    const { heap, wal } = await databaseFiles(t.db);
    assert.deepEqual(scanForMarkers([heap, wal], [sentence, `${seen} видел`, `как ${vehicle}`], started), [], 'no run of the text is on disk');
    // What docs/security.md accepts: the search vector holds each word (lowercased, stemmed) of the text.
    assert.ok(scanForMarkers([heap], [seen], started).length > 0, 'the word is on disk as a lexeme of the search vector (accepted, documented)');
  });

  it('documents: the bytes of an upload are not in the file store in plaintext, and still download', async () => {
    const content = marker('affidavit');
    const bytes = Buffer.from(`Affidavit ${content}\n`);
    const created = await f.admin.post(`/api/cases/${theCase.id}/documents`, form(bytes, 'affidavit.txt', { title: 'Affidavit', kind: 'evidence' }));
    assert.equal(created.status, 201, created.text);
    const store = join(t.config.dataDir, 'files');
    assert.deepEqual(scanForMarkers([store], [content]), []);
    const download = await fetch(`${t.baseUrl}/api/documents/${created.body.id}/download`, {
      headers: { cookie: [...f.admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    assert.equal(download.status, 200);
    assert.ok(Buffer.from(await download.arrayBuffer()).equals(bytes), 'the API still serves the original bytes');
  });
});
