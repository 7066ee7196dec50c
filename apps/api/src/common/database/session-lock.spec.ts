import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-database';
import { waitFor } from '../../../test/support/wait-for';
import { SessionLock } from './session-lock';

describe('session lock', () => {
  let url: string;
  before(async () => {
    url = await createTestDatabase();
  });
  after(async () => {
    if (url) await dropTestDatabase(url);
  });

  const lock = () => new SessionLock({ connectionString: url, applicationName: 'habeas-session-lock-spec' });

  it('is held by one connection at a time and passes on when its holder releases it', async () => {
    const first = lock();
    const second = lock();
    const third = lock();
    try {
      assert.equal(await first.tryAcquire(42), true);
      assert.equal(await second.tryAcquire(42), false, 'another connection cannot take a held lock');
      await first.release();
      assert.equal(await third.tryAcquire(42), true, 'released with its connection');
    } finally {
      await Promise.all([first.release(), second.release(), third.release()]);
    }
  });

  it('says the lock is lost when its connection is cut', async () => {
    const holder = lock();
    const admin = new Client({ connectionString: url });
    try {
      assert.equal(await holder.tryAcquire(43), true);
      assert.equal(holder.lost.aborted, false);
      await admin.connect();
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'habeas-session-lock-spec' and datname = current_database()`,
      );
      await waitFor('the holder to notice', () => holder.lost.aborted, { timeoutMs: 5000 });
    } finally {
      await Promise.all([holder.release(), admin.end()]);
    }
  });
});
