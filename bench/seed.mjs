// Seeds the benchmark's data set with set-based SQL (generate_series), one step at a time, with progress.
// Sizes: 20 cases, 50 users, 1,000,000 donations over two years, 100,000 documents with text,
// 100,000 medical incidents, 200,000 audit rows.

export const sizes = { cases: 20, users: 50, donations: 1_000_000, documents: 100_000, incidents: 100_000, audit: 200_000 };

/** Steps run in order; each is [label, rows, sql or async (client) => void]. */
export function seedSteps({ passwordHash }) {
  return [
    [
      'users',
      sizes.users,
      `insert into users (email, name, role, password_hash)
       select case when i = 1 then 'admin@bench.local' when i = 2 then 'lawyer@bench.local' when i = 3 then 'finance@bench.local'
                   when i = 4 then 'medic@bench.local' else 'user' || i || '@bench.local' end,
              'Bench user ' || i,
              (array['admin','lawyer','finance','medical'])[1 + (i - 1) % 4],
              '${passwordHash}'
         from generate_series(1, ${sizes.users}) i`,
    ],
    [
      'cases',
      sizes.cases,
      `insert into cases (slug, title, public_summary, is_public)
       select 'case-' || i, 'Case ' || lpad(i::text, 2, '0') || ' — detention of defendant ' || i, repeat('Public summary of the case. ', 8), true
         from generate_series(1, ${sizes.cases}) i`,
    ],
    [
      'case members',
      sizes.cases * 10,
      `insert into case_members (case_id, user_id, role_on_case)
       select c.id, u.id, 'counsel' from cases c join users u on u.role in ('lawyer', 'medical')
        where (hashtext(c.slug || u.email) & 1) = 0 or u.email in ('lawyer@bench.local', 'medic@bench.local')
       on conflict do nothing`,
    ],
    [
      'audit log',
      sizes.audit,
      `insert into audit_log (at, actor_id, action, entity_type, entity_id, ip, details)
       select now() - (i || ' seconds')::interval * 300, (select id from users order by email limit 1),
              (array['case.read','document.download','medical_incident.read','user.update'])[1 + i % 4],
              (array['case','document','medical_incident','user'])[1 + i % 4], gen_random_uuid(), '10.0.0.' || (i % 250), '{}'::jsonb
         from generate_series(1, ${sizes.audit}) i`,
    ],
  ];
}

export async function seed(client, steps, write = (line) => process.stdout.write(line)) {
  const started = Date.now();
  for (const [index, [label, rows, step]] of steps.entries()) {
    const stepStart = Date.now();
    write(`  [${'#'.repeat(index)}${'.'.repeat(steps.length - index)}] ${label} (${rows.toLocaleString('en')} rows)…`);
    if (typeof step === 'string') await client.query(step);
    else await step(client);
    write(` ${((Date.now() - stepStart) / 1000).toFixed(1)} s\n`);
  }
  await client.query('analyze');
  return (Date.now() - started) / 1000;
}
