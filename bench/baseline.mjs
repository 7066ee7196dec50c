// The raw twin: Fastify + pg, no framework. For each read endpoint it replays the statements the app itself sent
// to PostgreSQL for that request (recorded by capture-sql.cjs: the session lookup, the reads, any audit write),
// in the same order and with the same parallelism, and answers the last result's rows as JSON.
// Started by run.mjs on the server core: `node baseline.mjs <port> <recording.json>`.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const port = Number(process.argv[2]);
/** url → waves of statements; a wave's statements ran at the same time in the app (Promise.all). */
const recording = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });

const decode = (value) =>
  value && typeof value === 'object' && '$buffer' in value ? Buffer.from(value.$buffer, 'base64') : Array.isArray(value) ? value.map(decode) : value;
const transactional = /^\s*(start transaction|begin)\b/i;

/** Runs one connection's statements in order; a transaction keeps its own client as it did in the app. */
async function runChain(chain) {
  if (!chain.some((s) => transactional.test(s.text))) {
    let last;
    for (const s of chain) last = await pool.query(s.text, s.values.map(decode));
    return last;
  }
  const client = await pool.connect();
  try {
    let last;
    for (const s of chain) {
      const result = await client.query(s.text, s.values.map(decode));
      if (/^\s*select/i.test(s.text)) last = result;
    }
    return last;
  } finally {
    client.release();
  }
}

app.get('/*', async (request, reply) => {
  const waves = recording[request.url];
  if (!waves) return reply.code(404).send({ statusCode: 404, message: `no recording for ${request.url}` });
  let last;
  for (const wave of waves) {
    const results = await Promise.all(wave.map(runChain));
    last = results.filter(Boolean).at(-1) ?? last;
  }
  return last?.rows ?? [];
});

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await pool.end();
  process.exit(0);
});
