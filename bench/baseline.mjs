// The raw baseline: Fastify + pg, no framework, running the same SQL as the app for each read endpoint
// (session lookup included). Started by run.mjs on the server core: `node baseline.mjs <port>`.
import Fastify from 'fastify';
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { endpoints } from './endpoints.mjs';

const port = Number(process.argv[2]);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const secret = Buffer.from(process.env.SESSION_SECRET, 'utf8');
const app = Fastify({ logger: false });

async function actorOf(request) {
  const token = /habeas_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  if (!token) return null;
  const hash = createHmac('sha256', secret).update(token).digest();
  const { rows } = await pool.query(
    `select s.id as session_id, s.last_seen_at, s.expires_at, u.id, u.email, u.name, u.role
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.revoked_at is null and u.disabled_at is null`,
    [hash],
  );
  return rows[0] ?? null;
}

for (const endpoint of endpoints.filter((e) => e.baseline)) {
  app.get(endpoint.route, async (request, reply) => {
    const actor = endpoint.public ? null : await actorOf(request);
    if (!endpoint.public && !actor) return reply.code(401).send({ statusCode: 401 });
    return endpoint.baseline(pool, request, actor);
  });
}

await app.listen({ port, host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
