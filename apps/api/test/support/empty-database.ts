import { Client } from 'pg';
import { createTestDatabase } from './test-app';

/** A database with nothing in it (not even migrations or pg-boss's schema), as a fresh deployment finds it. */
export async function createEmptyDatabase(): Promise<string> {
  const url = await createTestDatabase();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema public cascade; create schema public; drop schema if exists pgboss cascade`);
  await client.end();
  return url;
}
