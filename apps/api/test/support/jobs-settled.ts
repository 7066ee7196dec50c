import type { Pool } from 'pg';
import { waitFor } from './wait-for';

/**
 * Waits until no pg-boss job of the given queues is waiting, retrying or running: everything queued so far has
 * happened (or failed for good). "Nothing more happens" is then a fact to count, not a sleep to hope on.
 */
export async function jobsSettled(db: Pool, queues: string[], { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<void> {
  await waitFor(
    `no ${queues.join(', ')} job left to run`,
    async () => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')`,
        [queues],
      );
      return rows[0].n === 0;
    },
    { timeoutMs, everyMs: 100 },
  );
}

/** The outbox's delivery queue (mail.service.ts). */
export const MAIL_DELIVERY = 'mail.deliver';
