import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { writeBackup } from '../src/backup/backup.service';
import { restoreBackup } from '../src/backup/restore.service';
import { createTestDatabase, dropTestDatabase, startTestApp, type TestApp } from './support/test-app';

async function snapshot(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by 1`)).rows;
    const result: Record<string, string> = {};
    for (const { tablename } of tables) {
      // Count and an order-independent digest of every row.
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
    mkdirSync(join(filesDir, 'ab'), { recursive: true });
    writeFileSync(join(filesDir, 'ab', 'abcdef'), 'court ruling bytes');
    const archive = join(work, 'demo.habeas-backup');
    const manifest = await writeBackup({ databaseUrl: t.databaseUrl, filesDir, out: archive, passphrase: 'correct horse battery staple' });
    assert.ok(manifest.tables.users.rows >= 5);
    assert.ok(manifest.tables.cases.rows >= 2);
    assert.doesNotMatch(readFileSync(archive).toString('latin1'), /demo\.local/, 'the encrypted archive shows no plain text');

    emptyUrl = await createEmptyDatabase();
    const restoredFiles = join(work, 'restored-files');
    await restoreBackup({ databaseUrl: emptyUrl, filesDir: restoredFiles, archive, passphrase: 'correct horse battery staple' });
    assert.deepEqual(await snapshot(emptyUrl), await snapshot(t.databaseUrl));
    assert.equal(readFileSync(join(restoredFiles, 'ab', 'abcdef'), 'utf8'), 'court ruling bytes');
  });

  it('refuses a wrong passphrase and a database that is not empty', async () => {
    const archive = join(work, 'second.habeas-backup');
    await writeBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'none'), out: archive, passphrase: 'right' });
    await assert.rejects(restoreBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'x'), archive, passphrase: 'wrong' }), /wrong passphrase/);
    await assert.rejects(restoreBackup({ databaseUrl: t.databaseUrl, filesDir: join(work, 'y'), archive, passphrase: 'right' }), /not empty/);
  });
});

/** A database with nothing in it (not even migrations): a restore must build it up. */
async function createEmptyDatabase(): Promise<string> {
  const url = await createTestDatabase();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema public cascade; create schema public; drop schema if exists pgboss cascade`);
  await client.end();
  return url;
}
