// The endpoints the benchmark drives, each with the path the app serves and, for reads, the same SQL
// run raw by the baseline. `ctx` holds ids found after seeding (a case id, deep cursors, …).

export const endpoints = [
  {
    name: 'cases list',
    route: '/api/cases',
    user: 'admin@bench.local',
    path: () => '/api/cases?limit=50',
    baseline: async (pool) => {
      const { rows } = await pool.query(`select id, slug, title, public_summary, is_public, created_at, updated_at from cases order by title, id limit 51`);
      return { items: rows.slice(0, 50), nextCursor: rows.length > 50 ? 'x' : null };
    },
  },
  {
    name: 'audit log page',
    route: '/api/audit-log',
    user: 'admin@bench.local',
    path: () => '/api/audit-log?limit=50',
    baseline: async (pool) => {
      const { rows } = await pool.query(
        `select a.id, a.at, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text, a.actor_id, u.email as actor_email,
                a.action, a.entity_type, a.entity_id, a.ip, a.details
           from audit_log a left join users u on u.id = a.actor_id order by a.at desc, a.id desc limit 51`,
      );
      return { items: rows.slice(0, 50), nextCursor: rows.length > 50 ? 'x' : null };
    },
  },
];
