import type { Client } from 'pg';

/**
 * A stable, reviewable text description of the `public` schema as migrations leave it: tables and their
 * columns, constraints, indexes, triggers, functions, views, types and extensions, sorted, one item a line.
 * No pg_dump ships with embedded PostgreSQL, so the catalogs are read directly.
 */
export async function describeSchema(client: Client): Promise<string> {
  const sections: Array<[string, string]> = [
    ['extension', `select extname as line from pg_extension where extname <> 'plpgsql'`],
    [
      'column',
      `select format('%s.%s %s%s%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
                     case when a.attnotnull then ' not null' else '' end,
                     coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                     || case when a.attgenerated = 's' then ' generated' else '' end) as line
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
         left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    ],
    [
      'constraint',
      `select format('%s %s %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) as line
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'`,
    ],
    [
      'index',
      `select pg_get_indexdef(i.indexrelid) as line
         from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    ],
    [
      'trigger',
      `select pg_get_triggerdef(t.oid) as line
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal`,
    ],
    [
      'function',
      `select regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g') as line
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prokind in ('f', 'p')
          and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    ],
    [
      'view',
      `select format('%s: %s', c.relname, regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g')) as line
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('v', 'm')`,
    ],
    [
      'type',
      `select format('%s enum (%s)', t.typname, string_agg(e.enumlabel, ', ' order by e.enumsortorder)) as line
         from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'public' group by t.typname`,
    ],
  ];
  const lines: string[] = [];
  for (const [kind, sql] of sections) {
    const rows = (await client.query<{ line: string }>(sql)).rows.map((row) => `${kind} ${row.line.trim()}`);
    lines.push(...rows.sort());
  }
  return lines.join('\n') + '\n';
}

/** Where the committed description lives, relative to the repository root. */
export const schemaSnapshotPath = 'apps/api/src/database/schema.snapshot';
