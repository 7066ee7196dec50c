// `npm run migration:generate` no longer diffs entities against the database: only some tables have entities,
// so TypeORM's diff proposes dropping every constraint, index and column it does not know about.
console.error(
  'Migrations are written in SQL: `npm run migration:create -- Name` makes the file, `npm run schema:snapshot` records the schema it leaves ' +
    '(docs/decisions/0013-migrations-in-sql.md). Nothing was written.',
);
process.exit(1);
