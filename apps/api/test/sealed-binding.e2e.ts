import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { runApiCli } from './support/cli';
import { Fixtures, type FixtureCase } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** How values were sealed before they were bound to their place (format v1: no associated data, JSON text). */
function sealV1(value: unknown, key: { id: string; key: Buffer }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** Every sealed value of the public schema by its format version (a full scan of text columns). */
async function versionsInDatabase(t: TestApp): Promise<Record<string, number>> {
  const columns = await t.db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and c.data_type = 'text' and t.table_type = 'BASE TABLE' and c.table_name not in ('audit_log', 'migrations')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns.rows) {
    const rows = await t.db.query<{ v: string; n: number }>(
      `select split_part("${column}", ':', 1) as v, count(*)::int as n from "${table}" where "${column}" ~ '^v[0-9]+:[0-9a-f]{8}:' group by 1`,
    );
    for (const row of rows.rows) counts[row.v] = (counts[row.v] ?? 0) + row.n;
  }
  return counts;
}

describe('sealed values bound to their table, column and row', () => {
  let t: TestApp;
  let f: Fixtures;
  let theCase: FixtureCase;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    theCase = await f.newCase();
  });
  after(async () => {
    await t?.close();
  });

  it('refuses a medical description swapped between two incidents in SQL, and never shows the other one', async () => {
    const first = await f.newIncident(theCase.id, { description: 'first incident words', outcome: 'first outcome' });
    const second = await f.newIncident(theCase.id, { description: 'second incident words' });
    await t.db.query(
      `update medical_incidents a set description = b.description from medical_incidents b
        where (a.id, b.id) in (($1::uuid, $2::uuid), ($2::uuid, $1::uuid))`,
      [first.id, second.id],
    );
    for (const id of [first.id, second.id]) {
      const read = await f.admin.get(`/api/medical-incidents/${id}`);
      assert.equal(read.status, 500, read.text);
      assert.equal(read.body.code, 'sealed_value_refused');
      assert.equal(read.body.message, 'A stored encrypted value failed its integrity check');
      assert.doesNotMatch(read.text, /incident words/);
    }
    const list = await f.admin.get(`/api/cases/${theCase.id}/medical-incidents?limit=50`);
    assert.equal(list.status, 500, 'a list holding a moved value fails whole instead of showing it');
  });

  it('refuses a value moved to another column of the same row', async () => {
    const incident = await f.newIncident(theCase.id, { description: 'column words', outcome: 'column outcome' });
    assert.equal((await f.admin.get(`/api/medical-incidents/${incident.id}`)).status, 200);
    await t.db.query(`update medical_incidents set outcome = description where id = $1`, [incident.id]);
    const read = await f.admin.get(`/api/medical-incidents/${incident.id}`);
    assert.equal(read.status, 500);
    assert.equal(read.body.code, 'sealed_value_refused');
  });

  it("refuses a donor's email moved onto another donor", async () => {
    const one = await f.newOfflineDonation(theCase.id, { email: 'one.binding@example.org' });
    const two = await f.newOfflineDonation(theCase.id, { email: 'two.binding@example.org' });
    const listed = await f.admin.get(`/api/donations?caseId=${theCase.id}&limit=100`);
    assert.equal(listed.status, 200, listed.text);
    assert.deepEqual(listed.body.items.map((item: { donorEmail: string }) => item.donorEmail).sort(), ['one.binding@example.org', 'two.binding@example.org']);
    await t.db.query(`update donor_identities set email = (select email from donor_identities where id = $1) where id = $2`, [one.donorId, two.donorId]);
    const after = await f.admin.get(`/api/donations?caseId=${theCase.id}&limit=100`);
    assert.equal(after.status, 500);
    assert.doesNotMatch(after.text, /binding@example/);
  });

  it('reads values sealed before binding (v1), and reencrypt turns every one of them into v2', async () => {
    const other = await f.newCase();
    const incident = await f.newIncident(other.id, { description: 'to be made old', outcome: 'old outcome' });
    const donation = await f.newOfflineDonation(other.id, { email: 'legacy.donor@example.org' });
    const key = t.config.encryptionKey;
    await t.db.query(`update medical_incidents set description = $2, outcome = $3, vitals = $4 where id = $1`, [
      incident.id,
      sealV1('legacy description', key),
      sealV1('legacy outcome', key),
      sealV1([{ at: new Date().toISOString(), pulse: 64 }], key),
    ]);
    await t.db.query(`update donor_identities set email = $2, name = $3 where id = $1`, [
      donation.donorId,
      sealV1('legacy.donor@example.org', key),
      sealV1('Legacy Donor', key),
    ]);
    assert.ok((await versionsInDatabase(t)).v1! >= 5);

    const before = await f.admin.get(`/api/medical-incidents/${incident.id}`);
    assert.equal(before.status, 200, before.text);
    assert.equal(before.body.description, 'legacy description');

    const run = await runApiCli('database/reencrypt.js', [], {
      DATABASE_URL: t.databaseUrl,
      DATA_DIR: t.config.dataDir,
      APP_ENCRYPTION_KEY: key.key.toString('hex'),
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /medical_incidents\.description/);
    assert.match(run.stdout, /donor_identities\.email/);
    const versions = await versionsInDatabase(t);
    assert.equal(versions.v1, undefined, `no v1 value is left: ${JSON.stringify(versions)}`);
    assert.ok(versions.v2! > 0);

    const read = await f.admin.get(`/api/medical-incidents/${incident.id}`);
    assert.equal(read.status, 200, read.text);
    assert.deepEqual([read.body.description, read.body.outcome, read.body.vitals[0].pulse], ['legacy description', 'legacy outcome', 64]);
    const donations = await f.admin.get(`/api/donations?caseId=${other.id}&limit=100`);
    assert.equal(donations.status, 200, donations.text);
    const item = donations.body.items.find((d: { id: string }) => d.id === donation.id);
    assert.deepEqual([item.donorEmail, item.donorName], ['legacy.donor@example.org', 'Legacy Donor']);

    // The migrated values are bound now: moving one to another row is refused like any v2 value.
    const [{ id: otherIncident }] = (await t.db.query(`select id from medical_incidents where id <> $1 limit 1`, [incident.id])).rows;
    await t.db.query(`update medical_incidents set description = (select description from medical_incidents where id = $1) where id = $2`, [
      incident.id,
      otherIncident,
    ]);
    assert.equal((await f.admin.get(`/api/medical-incidents/${otherIncident}`)).status, 500);
  });
});
