// The endpoints the benchmark drives. `path(ctx)` is what the app serves, signed in as `user`;
// `prepare(ctx)` finds ids and deep cursors after seeding; `load` drives an endpoint its own way (webhooks).
import { createHmac, randomUUID } from 'node:crypto';

const cursor = (key, id) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

// Every read endpoint gets a raw twin: run.mjs records the statements the app sends for it and baseline.mjs replays them.
// `shapes` says which data shapes an endpoint is driven in (default: tenth and full).
export const endpoints = [
  {
    name: 'cases list',
    user: 'admin@bench.local',
    path: () => '/api/cases?limit=50',
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
    user: 'finance@bench.local',
    path: () => '/api/donations?limit=50',
  },
  {
    name: 'donations list, deep cursor (90 % down)',
    user: 'finance@bench.local',
    prepare: async (ctx) => {
      const { rows } = await ctx.db.query(
        `select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key from donations order by created_at desc, id desc
          offset (select count(*) * 9 / 10 from donations) limit 1`,
      );
      ctx.deepCursor = cursor(rows[0].key, rows[0].id);
    },
    path: (ctx) => `/api/donations?limit=50&cursor=${ctx.deepCursor}`,
  },
  {
    name: 'public campaign',
    path: () => '/api/public/campaigns/case-1',
  },
  {
    name: 'dashboard',
    user: 'lawyer@bench.local',
    path: () => '/api/dashboard',
  },
  {
    name: 'cases list (admin, 500 cases)',
    shapes: ['org'],
    user: 'admin@bench.local',
    path: () => '/api/cases?limit=50',
  },
  {
    name: 'dashboard (admin, 500 cases)',
    shapes: ['org'],
    user: 'admin@bench.local',
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
  const acknowledged = new Set();
  const requests = [
    {
      method: 'POST',
      path: '/api/webhooks/stripe',
      setupRequest(request, context) {
        const id = `evt_bench_${randomUUID()}`;
        sent.add(id);
        context.eventId = id;
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
      onResponse(status, _body, context) {
        if (status >= 200 && status < 300) acknowledged.add(context.eventId);
      },
    },
  ];
  const totals = async () =>
    Number(
      (
        await ctx.db.query(
          `select coalesce(sum(raised_minor), 0) as n from campaign_totals t join cases c on c.id = t.case_id where c.slug = 'case-2' and t.currency = 'EUR'`,
        )
      ).rows[0].n,
    );
  const raisedBefore = await totals();
  const result = await measure({ url: baseUrl, connections, seconds, warmup: 0, requests });
  // Events still in flight when the load stopped commit after it: wait until nothing more is stored, then read
  // the stored ids, the donations and the totals in one statement (one snapshot), so they agree with each other.
  const storedCount = async () => Number((await ctx.db.query(`select count(*) as n from stripe_events where id = any($1)`, [[...sent]])).rows[0].n);
  for (let last = -1, now = await storedCount(), tries = 0; now !== last && tries < 60; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    [last, now] = [now, await storedCount()];
  }
  const [snapshot] = (
    await ctx.db.query(
      `select array(select id from stripe_events where id = any($1)) as stored,
              (select count(*)::int from donations where stripe_session_id like 'cs_bench_%') as donations,
              (select coalesce(sum(raised_minor), 0) from campaign_totals t join cases c on c.id = t.case_id
                where c.slug = 'case-2' and t.currency = 'EUR') as raised`,
      [[...sent]],
    )
  ).rows;
  const storedIds = new Set(snapshot.stored);
  result.acknowledged = acknowledged.size;
  result.stored = storedIds.size;
  // Acknowledged but not stored = lost; stored twice (two donations for one event) = doubled;
  // stored but not acknowledged (in flight when the load stopped) is fine: Stripe would retry it.
  result.lost = [...acknowledged].filter((id) => !storedIds.has(id)).length;
  // Each stored event is one donation of 25.00 EUR, counted once in the campaign's totals.
  result.doubled = Math.max(0, snapshot.donations - storedIds.size);
  result.totalsOff = Number(snapshot.raised) - raisedBefore - 2500 * snapshot.donations;
  result.sent = sent.size;
  return result;
}
