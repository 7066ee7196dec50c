import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../../src/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { DemoSeeder } from '../../src/demo/demo-seeder';
import { HttpClient } from './http-client';
import { createTestDatabase, dropTestDatabase } from './test-database';

export { createTestDatabase, dropTestDatabase };

export const DEMO_PASSWORD = 'demo-password-for-tests-1';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  baseUrl: string;
  /** A pool on this test's own database, for asserting on rows. */
  db: Pool;
  databaseUrl: string;
  client(): HttpClient;
  /** A client signed in as a demo user (e.g. 'lawyer@demo.local'). */
  signIn(email: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  env?: Record<string, string>;
  databaseUrl?: string;
}

/** Boots the real Nest app on a random port against its own PostgreSQL database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownsDatabase = !options.databaseUrl;
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'habeas-test-'));
  // Under `npm test` every app writes its log to a file that the log scan reads (apps/api/test/log-scan.logscan.ts).
  const logDir = process.env.HABEAS_TEST_LOG_DIR;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    APP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    DEMO_PASSWORD,
    LOG_LEVEL: process.env.HABEAS_TEST_LOG_LEVEL ?? (logDir ? 'debug' : 'silent'),
    ...(logDir ? { LOG_FILE: join(logDir, `api-${process.pid}-${randomBytes(4).toString('hex')}.log`) } : {}),
    PORT: '0',
    ...options.env,
  });
  const app = await createApp(config);
  if (options.seed ?? true) await app.get(DemoSeeder).seedIfEmpty();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const db = new Pool({ connectionString: databaseUrl, max: 3 });
  // Fault tests take the database away; an idle client's error must not end the test process.
  db.on('error', () => undefined);
  return {
    app,
    config,
    baseUrl,
    db,
    databaseUrl,
    client: () => new HttpClient(baseUrl),
    async signIn(email, password = DEMO_PASSWORD) {
      const client = new HttpClient(baseUrl);
      const response = await client.post('/api/auth/login', { email, password });
      if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return client;
    },
    async close() {
      await app.close();
      await db.end();
      if (ownsDatabase) await dropTestDatabase(databaseUrl);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
