// The endpoints the benchmark drives. `path(ctx)` is what the app serves; `baseline`, where present, runs
// the same SQL raw (Fastify + pg) for the ratio. `prepare(ctx)` finds ids and deep cursors after seeding.
import { createHmac, randomUUID } from 'node:crypto';

const page = (rows, limit = 50) => ({ items: rows.slice(0, limit), nextCursor: rows.length > limit ? 'more' : null });
const cursor = (key, id) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

export const endpoints = [
  {
    name: 'cases list',
    route: '/api/cases',
    user: 'admin@bench.local',
    path: () => '/api/cases?limit=50',
    baseline: async (pool) =>
      page((await pool.query(`select c.*, p.full_name from cases c left join persons p on p.id = c.defendant_id order by c.title, c.id limit 51`)).rows),
  },
  {
    name: 'case timeline page',
    user: 'admin@bench.local',
    path: () => '/api/cases/case-1/timeline?limit=50',
  },
  // Search (issue 15 point 1): a word in ~20 % of the 100k documents, a court case number (~7 documents), a surname
  // in ~6 % of them in any case ending (trigram), and the common word inside one case.
  {
    name: 'document search, common word',
    user: 'lawyer@bench.local',
    path: () => `/api/documents?q=${encodeURIComponent('апелляция')}&limit=20`,
  },
  {
    name: 'document search, case number',
    user: 'lawyer@bench.local',
    path: () => `/api/documents?q=${encodeURIComponent('3/2-2025-0508')}&limit=20`,
  },
  {
    name: 'document search, name',
    user: 'lawyer@bench.local',
    path: () => `/api/documents?q=${encodeURIComponent('Щербатов')}&limit=20`,
  },
  {
    name: 'document search in one case, common word',
    user: 'lawyer@bench.local',
    path: () => `/api/cases/case-1/documents?q=${encodeURIComponent('апелляция')}&limit=20`,
  },
  {
    name: 'donations list, first page',
    route: '/api/donations',
    user: 'finance@bench.local',
    path: () => '/api/donations?limit=50',
    baseline: async (pool, request) => {
      const after = request.query.cursor ? JSON.parse(Buffer.from(request.query.cursor, 'base64url').toString()) : null;
      const { rows } = await pool.query(
        `select d.*, c.slug as case_slug, di.name as donor_name, di.email as donor_email, di.message as donor_message, di.show_name, di.erased_at,
                to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
           from donations d join cases c on c.id = d.case_id left join donor_identities di on di.id = d.donor_id
          ${after ? 'where (d.created_at, d.id) < ($1::timestamptz, $2::uuid)' : ''}
          order by d.created_at desc, d.id desc limit 51`,
        after ?? [],
      );
      return page(rows);
    },
  },
  {
    name: 'donations list, deep cursor (row 900,000)',
    route: '/api/donations',
    user: 'finance@bench.local',
    prepare: async (ctx) => {
      const { rows } = await ctx.db.query(
        `select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from donations order by created_at desc, id desc offset 900000 limit 1`,
      );
      ctx.deepCursor = cursor(rows[0].key, rows[0].id);
    },
    path: (ctx) => `/api/donations?limit=50&cursor=${ctx.deepCursor}`,
    baselineOf: 'donations list, first page',
  },
  {
    name: 'public campaign',
    route: '/api/public/campaigns/:slug',
    public: true,
    ratioTarget: true,
    path: () => '/api/public/campaigns/case-1',
    baseline: async (pool, request) => {
      const [theCase] = (await pool.query(`select id, slug, title, public_summary from cases where slug = $1 and is_public`, [request.params.slug])).rows;
      const [settings, totals, supporters, spent] = await Promise.all([
        pool.query(`select goal_minor, goal_currency, statement_descriptor, currencies, max_amount_minor from campaign_settings where case_id = $1`, [
          theCase.id,
        ]),
        pool.query(
          `select currency, kind, raised_minor - refunded_minor - disputed_minor as net, donor_count as donors from campaign_totals where case_id = $1 order by currency, kind`,
          [theCase.id],
        ),
        pool.query(
          `select di.name, di.show_name, di.message, d.paid_at as at from donations d join donor_identities di on di.id = d.donor_id
            where d.case_id = $1 and d.paid_at is not null and d.status not in ('refunded', 'disputed') and di.erased_at is null
            order by d.paid_at desc, d.id desc limit 30`,
          [theCase.id],
        ),
        pool.query(`select category, currency, amount_minor from campaign_spent_totals where case_id = $1 and amount_minor > 0 order by currency, category`, [
          theCase.id,
        ]),
      ]);
      return { ...theCase, settings: settings.rows[0], totals: totals.rows, supporters: supporters.rows, spent: spent.rows };
    },
  },
  {
    name: 'dashboard',
    user: 'lawyer@bench.local',
    ratioTarget: false,
    path: () => '/api/dashboard',
  },
  {
    name: 'webhook ingestion (signed events)',
    minRate: 500,
    load: webhookLoad,
  },
];

/** Distinct signed `checkout.session.completed` events (Payment Link style: unknown reference, known campaign). */
async function webhookLoad({ baseUrl, env, ctx, connections, seconds }) {
  const { measure } = await import('./measure.mjs');
  const secret = env.STRIPE_WEBHOOK_SECRET;
  const sent = new Set();
  const requests = Array.from({ length: 1 }, () => ({
    method: 'POST',
    path: '/api/webhooks/stripe',
    setupRequest(request) {
      const id = `evt_bench_${randomUUID()}`;
      sent.add(id);
      const body = JSON.stringify({
        id,
        object: 'event',
        type: 'checkout.session.completed',
        created: Math.floor(Date.now() / 1000),
        api_version: '2025-02-24.acacia',
        livemode: false,
        pending_webhooks: 1,
        request: null,
        data: {
          object: {
            id: `cs_bench_${randomUUID()}`,
            object: 'checkout.session',
            mode: 'payment',
            created: Math.floor(Date.now() / 1000),
            subscription: null,
            payment_status: 'paid',
            status: 'complete',
            amount_total: 2500,
            currency: 'eur',
            client_reference_id: null,
            metadata: { campaign: 'case-2' },
            payment_intent: `pi_bench_${randomUUID()}`,
            customer_details: null,
          },
        },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
      return { ...request, body, headers: { 'content-type': 'application/json', 'stripe-signature': `t=${timestamp},v1=${signature}` } };
    },
  }));
  const before = Number((await ctx.db.query(`select count(*) as n from stripe_events`)).rows[0].n);
  const result = await measure({ url: baseUrl, connections, seconds, warmup: 0, requests });
  const after = Number((await ctx.db.query(`select count(*) as n from stripe_events`)).rows[0].n);
  const acknowledged = result.total - result.non2xx - result.errors;
  // Every acknowledged event is stored once: no loss, no doubles.
  result.lost = Math.abs(after - before - acknowledged);
  result.sent = sent.size;
  return result;
}
