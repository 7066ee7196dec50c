// `npm run schema:snapshot`: migrate a throwaway database and write the description of its schema to
// apps/api/src/database/schema.snapshot. Commit it with your migration: the drift test compares the two.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, root } from './lib.mjs';

const require = createRequire(import.meta.url);
await build(['contracts', 'api']);
const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/src/database/embedded-postgres.js'));
const { runMigrations } = require(join(root, 'dist/apps/api/src/database/migrate.js'));
const { describeSchema, schemaSnapshotPath } = require(join(root, 'dist/apps/api/src/database/schema-description.js'));
const { Client } = require('pg');

const dataDir = mkdtempSync(join(tmpdir(), 'habeas-schema-'));
const server = await startEmbeddedPostgres(dataDir, () => undefined);
try {
  await runMigrations(server.url);
  const client = new Client({ connectionString: server.url });
  await client.connect();
  const description = await describeSchema(client).finally(() => client.end());
  writeFileSync(join(root, schemaSnapshotPath), description);
  console.log(`wrote ${schemaSnapshotPath} (${description.split('\n').length - 1} lines); commit it with your migration`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
