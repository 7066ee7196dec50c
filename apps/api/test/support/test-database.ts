import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

function serverUrl(database: string): string {
  const base = process.env.HABEAS_TEST_PG_URL;
  if (!base) throw new Error('HABEAS_TEST_PG_URL is not set: run the tests with `npm test`');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database cloned from the migrated template: each test file starts clean. */
export async function createTestDatabase(): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${process.env.HABEAS_TEST_TEMPLATE ?? 'habeas_template'}`);
  } finally {
    await admin.end();
  }
  return serverUrl(name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: serverUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
