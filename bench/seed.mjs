// Seeds the benchmark's data sets with set-based SQL (generate_series), one step at a time, with progress.
import { createRequire } from 'node:module';

/**
 * The shapes `npm run bench` runs: the full size (1,000,000 donations over two years, 100,000 documents with text,
 * 100,000 medical incidents, 200,000 audit rows, 400 hearings and deadlines per case), a tenth of it to see how each
 * read grows, and a large organisation (500 cases, 5,000 users) for the admin's dashboard and case list.
 */
export const shapes = {
  tenth: { cases: 20, users: 50, donations: 100_000, documents: 10_000, incidents: 10_000, audit: 20_000, hearingsPerCase: 20 },
  full: { cases: 20, users: 50, donations: 1_000_000, documents: 100_000, incidents: 100_000, audit: 200_000, hearingsPerCase: 200 },
  org: { cases: 500, users: 5_000, donations: 100_000, documents: 10_000, incidents: 20_000, audit: 20_000, hearingsPerCase: 10 },
};

/** Steps run in order; each is [label, rows, sql or async (client) => void]. */
const words = [
  'апелляция',
  'жалоба',
  'ходатайство',
  'appeal',
  'custody',
  'medical',
  'hospital',
  'extortion',
  'вымогательство',
  'detention',
  'прокурор',
  'witness',
];

/** Surnames for the name search (a defence file names the same few people again and again). */
const surnames = [
  'Щербатов',
  'Воронцов',
  'Иванов',
  'Кузнецов',
  'Смирнов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Петров',
  'Волков',
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
];

/** Seals every extracted text as the app does and stores the names and numbers of the text for the trigram index. */
async function sealTexts(client) {
  const require = createRequire(import.meta.url);
  const { sealExtractedText } = require('../dist/apps/api/src/documents/search/extracted-text.repository.js');
  const { searchTermsOf } = require('../dist/apps/api/src/documents/search/search-terms.js');
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const { rows } = await client.query(
      `select id, document_id, extracted_text from document_versions where id > $1 and extracted_text not like 'v_:%' order by id limit 5000`,
      [after],
    );
    if (rows.length === 0) return;
    await client.query(
      `with t as (select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) as t(id, document_id, sealed, terms)),
            v as (update document_versions v set extracted_text = t.sealed from t where v.id = t.id)
       update documents d set search_terms = t.terms, search_body = d.search_body || document_number_lexemes(t.terms) from t where d.id = t.document_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.document_id),
        rows.map((r) => sealExtractedText(r.id, r.extracted_text)),
        rows.map((r) => searchTermsOf(r.extracted_text)),
      ],
    );
    after = rows[rows.length - 1].id;
  }
}

export function seedSteps({ passwordHash, sealedText, sizes }) {
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
      sizes.users * 2,
      // The bench lawyer and medic are on every case; every other lawyer and medic on two.
      `insert into case_members (case_id, user_id, role_on_case)
       select c.id, u.id, 'counsel'
         from (select id, row_number() over (order by slug) - 1 as n from cases) c
         join (select id, email, row_number() over (order by email) as n from users where role in ('lawyer', 'medical')) u
           on u.email in ('lawyer@bench.local', 'medic@bench.local') or u.n % ${sizes.cases} = c.n or (u.n * 7 + 3) % ${sizes.cases} = c.n
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
    ['campaign settings', sizes.cases, `insert into campaign_settings (case_id) select id from cases`],
    ['campaign goals', sizes.cases, `insert into campaign_goals (case_id, currency, amount_minor) select id, 'EUR', 5000000 from cases`],
    [
      'hearings and deadlines',
      sizes.cases * sizes.hearingsPerCase * 2,
      async (client) => {
        await client.query(`insert into hearings (case_id, kind, scheduled_at, court, notes)
          select c.id, (array['preliminary','trial_session','custody_extension'])[1 + i % 3], now() - interval '700 days' + (i * 200 / ${sizes.hearingsPerCase} || ' days')::interval, 'District court', ''
            from cases c, generate_series(1, ${sizes.hearingsPerCase}) i`);
        await client.query(`insert into deadlines (case_id, due_at, title)
          select c.id, now() - interval '690 days' + (i * 200 / ${sizes.hearingsPerCase} || ' days')::interval, 'Deadline ' || i from cases c, generate_series(1, ${sizes.hearingsPerCase}) i`);
      },
    ],
    [
      'donations (two years)',
      sizes.donations,
      async (client) => {
        await client.query(`create temporary table bench_cases as select row_number() over (order by slug) as n, id from cases`);
        await client.query(`insert into donations (case_id, kind, status, amount_minor, currency, paid_minor, paid_at, created_at, updated_at)
          select bc.id, case when i % 5 = 0 then 'recurring' else 'one_off' end, 'paid', 500 + (i % 200) * 100,
                 (array['EUR','USD','GBP'])[1 + i % 3], 500 + (i % 200) * 100, t, t, t
            from generate_series(1, ${sizes.donations}) i
            cross join lateral (select now() - interval '730 days' * (i::float / ${sizes.donations}) as t) ts
            join bench_cases bc on bc.n = 1 + i % ${sizes.cases}`);
        await client.query(`insert into campaign_totals (case_id, currency, kind, raised_minor, donor_count)
          select case_id, currency, kind, sum(paid_minor), count(*) from donations group by 1, 2, 3`);
      },
    ],
    [
      'medical incidents',
      sizes.incidents,
      async (client) => {
        await client.query(
          `insert into medical_incidents (case_id, occurred_at, type, severity, source, description, vitals)
           select bc.id, now() - interval '730 days' * (i::float / ${sizes.incidents}), (array['check_up','ambulance_call','chronic_condition'])[1 + i % 3],
                  (array['low','moderate','high'])[1 + i % 3], 'lawyer_visit', '', ''
             from generate_series(1, ${sizes.incidents}) i join bench_cases bc on bc.n = 1 + i % ${sizes.cases}`,
        );
        // Sealed like real ones: each value is bound to its table, column and row.
        for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
          const { rows } = await client.query(`select id from medical_incidents where id > $1 order by id limit 5000`, [after]);
          if (rows.length === 0) break;
          const ids = rows.map((row) => row.id);
          await client.query(
            `update medical_incidents m set description = t.description, vitals = t.vitals
               from unnest($1::uuid[], $2::text[], $3::text[]) as t(id, description, vitals) where m.id = t.id`,
            [
              ids,
              ids.map((row) => sealedText('Routine check-up, blood pressure measured', { table: 'medical_incidents', column: 'description', row })),
              ids.map((row) => sealedText([], { table: 'medical_incidents', column: 'vitals', row })),
            ],
          );
          after = ids.at(-1);
        }
      },
    ],
    [
      'documents with extracted text (sealed; vectors and terms from the plaintext)',
      sizes.documents,
      async (client) => {
        const vocabulary = `array[${words.map((word) => `'${word}'`).join(', ')}]`;
        const names = `array[${surnames.map((name) => `'${name}'`).join(', ')}]`;
        // The app's GIN indexes take each upload's entries directly (no pending list; migration 1796063000000). A bulk
        // load is faster through the pending list, which is merged in and switched off again at the end.
        const gin = ['documents_head_idx', 'documents_body_idx', 'documents_names_idx'];
        for (const index of gin) await client.query(`alter index ${index} set (fastupdate = on)`);
        await client.query(`insert into documents (case_id, kind, title, status, filed_at, privileged, tags, created_by, created_at)
          select bc.id, (array['motion','appeal','complaint','ruling'])[1 + i % 4], 'Document ' || i || ' ' || (${vocabulary})[1 + i % 12], 'filed',
                 now() - interval '730 days' * (i::float / ${sizes.documents}), i % 10 = 0, array[(${vocabulary})[1 + i % 7]],
                 (select id from users where email = 'lawyer@bench.local'), now() - interval '730 days' * (i::float / ${sizes.documents})
            from generate_series(1, ${sizes.documents}) i join bench_cases bc on bc.n = 1 + i % ${sizes.cases}`);
        // Each text names a court case number (about 7 documents share one) and a person in one of five case endings.
        await client.query(`insert into document_versions (document_id, number, original_name, storage_key, mime_type, size, sha256, uploaded_by, text_status, extracted_text)
          select d.id, 1, 'doc.pdf', 'bench/none', 'application/pdf', 1000, repeat('0', 64), d.created_by, 'done',
                 'Текст документа ' || d.title || ' ' || (${vocabulary})[1 + (h & 7)] || ' по делу № 3/2-' || (2024 + (h >> 4 & 1)) || '-' || lpad(((h >> 5) % 7000)::text, 4, '0') ||
                 ', защитник ' || (${names})[1 + (h >> 8 & 15)] || (array['','а','у','ым','ой'])[1 + (h >> 13) % 5] || '. ' || repeat('суд заседание court hearing ', 20)
            from (select d.*, hashtext(d.id::text) & 2147483647 as h from documents d) d`);
        await client.query(`update documents d set search_body = document_body_vector(v.extracted_text) from document_versions v where v.document_id = d.id`);
        for (const index of gin) {
          await client.query(`select gin_clean_pending_list($1::regclass)`, [index]);
          await client.query(`alter index ${index} set (fastupdate = off)`);
        }
        await sealTexts(client);
      },
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
