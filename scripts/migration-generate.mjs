// `npm run migration:generate -- Name`: diff the entities against a freshly migrated throwaway
// database and write apps/api/src/database/migrations/<timestamp>-<name>.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, run } from './lib.mjs';

const name = process.argv[2];
if (!name || !/^[A-Za-z][\w-]*$/.test(name)) {
  console.error('usage: npm run migration:generate -- MigrationName');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
await build(['contracts', 'api']);
const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/src/database/embedded-postgres.js'));
const { runMigrations } = require(join(root, 'dist/apps/api/src/database/migrate.js'));
const dataDir = mkdtempSync(join(tmpdir(), 'habeas-migration-'));
const server = await startEmbeddedPostgres(dataDir, console.log);
try {
  await runMigrations(server.url);
  await run(
    'npx',
    ['typeorm', 'migration:generate', '-d', 'dist/apps/api/src/database/data-source.js', '--pretty', `apps/api/src/database/migrations/${name}`],
    { cwd: root, env: { DATABASE_URL: server.url } },
  );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
