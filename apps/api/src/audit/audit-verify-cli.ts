// `npm run audit:verify` checks the audit log's hash chain in the running deployment's database (DATABASE_URL,
// or the embedded one in DATA_DIR); `npm run audit:verify -- BACKUP` checks it offline inside a backup archive,
// restored into a throwaway PostgreSQL, and that the chain ends at the head the backup's manifest recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { AuditChainVerification } from '@habeas/contracts';
import { restoreBackup } from '../backup/restore.service';
import { loadConfig } from '../config/load-config';
import { runningEmbeddedUrl, startEmbeddedPostgres } from '../database/embedded-postgres';
import { verifyAuditChain } from './audit-chain-verify';

async function verifyAt(databaseUrl: string): Promise<AuditChainVerification> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    return await verifyAuditChain({ query: async (sql, params) => (await client.query(sql, params)).rows });
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

async function verifyBackup(archive: string): Promise<{ result: AuditChainVerification; recordedHead: string | null | undefined }> {
  const scratch = mkdtempSync(join(tmpdir(), 'habeas-audit-verify-'));
  const server = await startEmbeddedPostgres(scratch, () => undefined);
  try {
    const manifest = await restoreBackup({
      databaseUrl: server.url,
      filesDir: join(scratch, 'files'),
      archive,
      passphrase: process.env.BACKUP_PASSPHRASE || undefined,
      // The audit log is not encrypted and nothing here is decrypted: the keys need not be present.
      availableKeyIds: [],
      withoutKeys: true,
    });
    return { result: await verifyAt(server.url), recordedHead: manifest.auditHead };
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function liveDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig(process.env);
  if (!config.embeddedDatabase) return { url: config.databaseUrl, stop: async () => undefined };
  const running = runningEmbeddedUrl(config.dataDir);
  if (running) return { url: running, stop: async () => undefined };
  const server = await startEmbeddedPostgres(config.dataDir, () => undefined);
  return { url: server.url, stop: () => server.stop() };
}

function report(result: AuditChainVerification): void {
  if (result.ok) console.log(`audit chain intact: ${result.entries} entries, head ${result.head}`);
  else
    console.log(
      `audit chain BROKEN at entry ${result.brokenAt?.seq} (${result.brokenAt?.reason}${result.brokenAt?.entryId ? `, entry ${result.brokenAt.entryId}` : ''}); ${result.entries} entries before it are intact, ending at ${result.head}`,
    );
}

async function main(): Promise<void> {
  const archive = process.argv[2];
  if (archive) {
    const { result, recordedHead } = await verifyBackup(resolve(archive));
    report(result);
    if (result.ok && recordedHead && recordedHead !== result.head) {
      console.log(`but the backup's manifest recorded head ${recordedHead}: the archive does not hold the log it was made with`);
      process.exit(1);
    }
    if (result.ok && recordedHead) console.log(`matches the head recorded in the backup's manifest`);
    process.exit(result.ok ? 0 : 1);
  }
  const database = await liveDatabase();
  try {
    const result = await verifyAt(database.url);
    report(result);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await database.stop();
  }
}

main().catch((error: Error) => {
  console.error(`audit:verify failed: ${error.message}`);
  process.exit(2);
});
