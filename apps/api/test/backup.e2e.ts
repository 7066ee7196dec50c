import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import * as tar from 'tar';
import type { BackupManifest } from '../src/backup/backup-manifest';
import { writeBackup } from '../src/backup/backup.service';
import { restoreBackup } from '../src/backup/restore.service';
import { createEmptyDatabase } from './support/empty-database';
import { dropTestDatabase, startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

async function snapshot(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by 1`)).rows;
    const result: Record<string, string> = {};
    for (const { tablename } of tables) {
      // Count and an order-independent digest of every row. Case versions are cache counters that the tables'
      // triggers raise while the rows load: only their rows (one per case) must match, not the numbers.
      if (tablename === 'case_versions') {
        const cases = await client.query(
          `select count(*) as n, coalesce(md5(string_agg(case_id::text, ',' order by case_id)), '') as digest from case_versions`,
        );
        result[tablename] = `${cases.rows[0].n}:${cases.rows[0].digest}`;
        continue;
      }
      // Kept-gift counts are rebuilt by triggers as the donations load, into other stripes: each case's sum must match.
      if (tablename === 'campaign_kept_gifts') {
        const sums = await client.query(
          `select coalesce(string_agg(case_id || '=' || gifts, ',' order by case_id), '') as digest
             from (select case_id, sum(gifts) as gifts from campaign_kept_gifts group by case_id having sum(gifts) <> 0) per_case`,
        );
        result[tablename] = sums.rows[0].digest;
        continue;
      }
      const row = (
        await client.query(`select count(*) as n, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from public."${tablename}" t`)
      ).rows[0];
      result[tablename] = `${row.n}:${row.digest}`;
    }
    return result;
  } finally {
    await client.end();
  }
}

const storedKey = `ab/cd/abcd${'0'.repeat(60)}`;

/** A hand-made archive: the given manifest (with this code's migrations) and extra entries, some of them hostile. */
async function craftedArchive(
  work: string,
  name: string,
  files: BackupManifest['files'],
  build: (staging: string) => void,
  tables: BackupManifest['tables'] = {},
): Promise<string> {
  const staging = mkdtempSync(join(work, 'craft-'));
  const migrations = readdirSync(join(__dirname, '../src/database/migrations')).filter((f) => f.endsWith('.js'));
  mkdirSync(join(staging, 'tables'));
  mkdirSync(join(staging, 'files'));
  build(staging);
  const manifest = { format: 'habeas-backup', version: 1, createdAt: new Date().toISOString(), migrations, tables, files };
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest));
  const out = join(work, name);
  await pipeline(tar.create({ gzip: true, cwd: staging, portable: true }, readdirSync(staging)), createWriteStream(out));
  return out;
}

describe('backup and restore', () => {
  let t: TestApp;
  let work: string;
  let emptyUrl: string | undefined;
  before(async () => {
    t = await startTestApp();
    work = mkdtempSync(join(tmpdir(), 'habeas-backup-test-'));
  });
  after(async () => {
    await t?.close();
    if (emptyUrl) await dropTestDatabase(emptyUrl);
    rmSync(work, { recursive: true, force: true });
  });

  it('restores the demo into a fresh database and file store with equal rows and files', async () => {
    const filesDir = join(work, 'files');
    mkdirSync(join(filesDir, 'ab', 'cd'), { recursive: true });
    writeFileSync(join(filesDir, ...storedKey.split('/')), 'court ruling bytes');
    mkdirSync(join(filesDir, 'tmp'), { recursive: true });
    writeFileSync(join(filesDir, 'tmp', 'upload-in-progress'), 'half a file');
    const archive = join(work, 'demo.habeas-backup');
    // The demo's alerts start escalation and mail jobs: let those due now finish, so the source does not change
    // between the backup and the comparison below.
    await waitFor(
      'no job due now left to run',
      async () =>
        (await t.db.query(`select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`)).rows[0].n === 0,
      { timeoutMs: 30_000, everyMs: 100 },
    );
    const manifest = await writeBackup({ databaseUrl: t.databaseUrl, filesDir, out: archive, passphrase: 'correct horse battery staple' });
    assert.ok(manifest.tables.users.rows >= 5);
    assert.ok(manifest.tables.cases.rows >= 2);
    assert.doesNotMatch(readFileSync(archive).toString('latin1'), /demo\.local/, 'the encrypted archive shows no plain text');

    emptyUrl = await createEmptyDatabase();
    const restoredFiles = join(work, 'restored-files');
    await restoreBackup({
      databaseUrl: emptyUrl,
      filesDir: restoredFiles,
      archive,
      passphrase: 'correct horse battery staple',
      availableKeyIds: [t.config.encryptionKey.id],
    });
    assert.deepEqual(await snapshot(emptyUrl), await snapshot(t.databaseUrl));
    assert.equal(readFileSync(join(restoredFiles, ...storedKey.split('/')), 'utf8'), 'court ruling bytes');
    assert.deepEqual(
      manifest.files.map((f) => f.path),
      [storedKey],
      'temp files of uploads in progress are not backed up',
    );
  });

  it('refuses a wrong passphrase and a database that is not empty', async () => {
    const archive = join(work, 'second.habeas-backup');
    await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'none'), out: archive, passphrase: 'right' });
    await assert.rejects(
      restoreBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'x'), archive, passphrase: 'wrong', availableKeyIds: [] }),
      /wrong passphrase/,
    );
    await assert.rejects(
      restoreBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'y'), archive, passphrase: 'right', availableKeyIds: [t.config.encryptionKey.id] }),
      /not empty/,
    );
  });

  it('records the keys in use and refuses, before touching anything, to restore data whose key is missing', async () => {
    const archive = join(work, 'keys.habeas-backup');
    const manifest = await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'none'), out: archive, passphrase: 'right' });
    assert.ok(manifest.keyIds?.includes(t.config.encryptionKey.id), `key ${t.config.encryptionKey.id} in ${JSON.stringify(manifest.keyIds)}`);
    const url = await createEmptyDatabase();
    try {
      await assert.rejects(
        restoreBackup({ databaseUrl: url, filesDir: join(work, 'z'), archive, passphrase: 'right', availableKeyIds: ['0badc0de'] }),
        new RegExp(`nothing restored: the archived data is sealed with encryption key ${t.config.encryptionKey.id}, which this installation does not have`),
      );
      const client = new Client({ connectionString: url });
      await client.connect();
      const tables = (await client.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0].n;
      await client.end();
      assert.equal(tables, 0, 'the database was not touched');
    } finally {
      await dropTestDatabase(url);
    }
  });

  it('carries the keys wrapped with the passphrase, and only with a passphrase', async () => {
    const archive = join(work, 'with-keys.habeas-backup');
    const keys = { current: t.config.encryptionKey.id, keys: [{ id: t.config.encryptionKey.id, key: t.config.encryptionKey.key.toString('base64') }] };
    await assert.rejects(writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'none'), out: archive, keys }), /needs BACKUP_PASSPHRASE/);
    await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'none'), out: archive, passphrase: 'right', keys });
    const url = await createEmptyDatabase();
    let installed: string[] = [];
    try {
      await restoreBackup({
        databaseUrl: url,
        filesDir: join(work, 'w'),
        archive,
        passphrase: 'right',
        availableKeyIds: ['0badc0de'],
        installKeys: (bundle) => (installed = bundle.keys.map((key) => key.key)),
      });
      assert.deepEqual(installed, [t.config.encryptionKey.key.toString('base64')]);
    } finally {
      await dropTestDatabase(url);
    }
  });
});

describe('restoring a crafted backup', () => {
  let work: string;
  let emptyUrl: string;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'habeas-crafted-'));
    emptyUrl = await createEmptyDatabase();
  });
  after(async () => {
    await dropTestDatabase(emptyUrl);
    rmSync(work, { recursive: true, force: true });
  });

  const bytes = 'attacker bytes';
  const digest = createHash('sha256').update(bytes).digest('hex');

  it('refuses a manifest path that climbs out of the file store, and writes nothing', async () => {
    // `../escaped` is both read from the staging root and written next to the file store.
    const archive = await craftedArchive(work, 'climb.tar.gz', [{ path: '../escaped', size: bytes.length, sha256: digest }], (staging) =>
      writeFileSync(join(staging, 'escaped'), bytes),
    );
    const filesDir = join(work, 'store-1', 'files');
    await assert.rejects(restoreBackup({ databaseUrl: emptyUrl, filesDir, archive, availableKeyIds: [] }), /never writes|unsafe file path/);
    assert.equal(existsSync(join(work, 'store-1', 'escaped')), false);
    assert.equal(existsSync(filesDir), false);
  });

  it('refuses an absolute path or a path inside files/ that climbs out, even without a stray entry', async () => {
    for (const path of ['/tmp/habeas-pwned', 'ab/../../../pwned', 'ab/cd/../../../../pwned']) {
      const archive = await craftedArchive(work, 'abs.tar.gz', [{ path, size: bytes.length, sha256: digest }], () => undefined);
      await assert.rejects(restoreBackup({ databaseUrl: emptyUrl, filesDir: join(work, 'store-2'), archive, availableKeyIds: [] }), /unsafe file path/, path);
    }
    assert.equal(existsSync('/tmp/habeas-pwned'), false);
  });

  it('refuses a symbolic link in the archive', async () => {
    const archive = await craftedArchive(work, 'link.tar.gz', [{ path: `ab/cd/${digest}`, size: bytes.length, sha256: digest }], (staging) => {
      symlinkSync(work, join(staging, 'files', 'ab'));
    });
    await assert.rejects(restoreBackup({ databaseUrl: emptyUrl, filesDir: join(work, 'store-3'), archive, availableKeyIds: [] }), /never writes/);
  });

  it('refuses a table name that is not a name', async () => {
    const archive = await craftedArchive(work, 'table.tar.gz', [], () => undefined, { '../../etc/passwd': { rows: 0, sha256: '' } });
    await assert.rejects(restoreBackup({ databaseUrl: emptyUrl, filesDir: join(work, 'store-4'), archive, availableKeyIds: [] }), /impossible table/);
  });
});
