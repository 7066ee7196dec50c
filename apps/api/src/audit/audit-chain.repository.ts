import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChainLinkRow } from './audit-chain-walk';

/** Anything that runs SQL and answers rows: a TypeORM manager, or a plain pg client wrapped (the offline CLI). */
export interface RowQuery {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
}

/** The audit hash chain's queries: links in order, each entry's hash recomputed by the same SQL function that wrote it. */
export const auditChainQueries = {
  async linksAfter(db: RowQuery, seq: number, limit: number): Promise<ChainLinkRow[]> {
    const rows = (await db.query(
      `select c.seq, c.entry_id, c.prev_hash, c.hash,
              case when a.id is null then null
                   else audit_entry_hash(c.prev_hash, c.seq, a.id, a.at, a.actor_id, a.action, a.entity_type, a.entity_id, a.ip, a.details) end as recomputed
         from audit_chain c left join audit_log a on a.id = c.entry_id
        where c.seq > $1 order by c.seq limit $2`,
      [seq, limit],
    )) as Array<{ seq: string; entry_id: string; prev_hash: string; hash: string; recomputed: string | null }>;
    return rows.map((row) => ({ seq: Number(row.seq), entryId: row.entry_id, prevHash: row.prev_hash, hash: row.hash, recomputed: row.recomputed }));
  },

  /** An entry with no link: written past the trigger, or whose link was removed. */
  async firstUnlinkedEntry(db: RowQuery): Promise<string | null> {
    const [row] = await db.query(
      `select a.id from audit_log a where not exists (select 1 from audit_chain c where c.entry_id = a.id) order by a.at, a.id limit 1`,
    );
    return (row?.id as string | undefined) ?? null;
  },

  /** The newest link's hash: what dossiers and backups record as the log's state at that moment. */
  async head(db: RowQuery): Promise<string | null> {
    const [row] = await db.query(`select hash from audit_chain order by seq desc limit 1`);
    return (row?.hash as string | undefined) ?? null;
  },
};

@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` on one snapshot, so entries committed meanwhile neither appear half-way nor count as unlinked. */
  inSnapshot<T>(work: (db: RowQuery) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', (manager) => work(manager));
  }

  head(): Promise<string | null> {
    return auditChainQueries.head(this.db);
  }
}
