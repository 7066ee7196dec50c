// `npm run migration:create -- Name`: a new, empty migration with a fresh timestamp, to be written in SQL.
// Then `npm run schema:snapshot` records the resulting schema (see docs/decisions/0013-migrations-in-sql.md).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
  console.error('usage: npm run migration:create -- MigrationName');
  process.exit(2);
}
const timestamp = Date.now();
const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const className = kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()) + timestamp;
const file = join(root, 'apps/api/src/database/migrations', `${timestamp}-${kebab}.ts`);
if (existsSync(file)) throw new Error(`${file} exists`);
writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why this schema change is needed (one or two lines). */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }
}
`,
);
console.log(`created ${file.slice(root.length)}: write its SQL, then run \`npm run schema:snapshot\` and commit both`);
