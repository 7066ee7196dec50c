import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { describeSchema, schemaSnapshotPath } from '../src/database/schema-description';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

const repositoryRoot = join(__dirname, '../../../..');

/** Lines only in `a`, prefixed with `sign`. */
function missingFrom(a: string[], b: string[], sign: string): string[] {
  const other = new Set(b);
  return a.filter((line) => !other.has(line)).map((line) => `${sign} ${line}`);
}

describe('schema drift', () => {
  let url: string;
  before(async () => {
    url = await createTestDatabase(); // the migrated template
  });
  after(() => dropTestDatabase(url));

  it('the migrated schema is exactly the committed snapshot', async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    const migrated = (await describeSchema(client).finally(() => client.end())).split('\n');
    const committed = readFileSync(join(repositoryRoot, schemaSnapshotPath), 'utf8').split('\n');
    const differences = [...missingFrom(committed, migrated, '- snapshot only:'), ...missingFrom(migrated, committed, '+ migrations only:')];
    assert.ok(
      differences.length === 0,
      `the migrations and ${schemaSnapshotPath} disagree (${differences.length} lines). If your migration is right, run ` +
        `\`npm run schema:snapshot\` and commit the file; otherwise fix the migration.\n${differences.slice(0, 30).join('\n')}`,
    );
  });
});
