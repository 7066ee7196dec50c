import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChainLinkRow } from './audit-chain-walk';

/** The audit hash chain's queries: links in order with each entry's hash recomputed by the same SQL function. */
@Injectable()
export class AuditChainRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs `work` on one snapshot, so entries committed meanwhile neither appear half-way nor count as unlinked. */
  inSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', work);
  }

  async linksAfter(manager: EntityManager, seq: number, limit: number): Promise<ChainLinkRow[]> {
    const rows: Array<{ seq: string; entry_id: string; prev_hash: string; hash: string; recomputed: string | null }> = await manager.query(
      `select c.seq, c.entry_id, c.prev_hash, c.hash,
              case when a.id is null then null
                   else audit_entry_hash(c.prev_hash, c.seq, a.id, a.at, a.actor_id, a.action, a.entity_type, a.entity_id, a.ip, a.details) end as recomputed
         from audit_chain c left join audit_log a on a.id = c.entry_id
        where c.seq > $1 order by c.seq limit $2`,
      [seq, limit],
    );
    return rows.map((row) => ({ seq: Number(row.seq), entryId: row.entry_id, prevHash: row.prev_hash, hash: row.hash, recomputed: row.recomputed }));
  }

  /** Entries with no link: written past the trigger, or whose link was removed. */
  async firstUnlinkedEntry(manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query(
      `select a.id from audit_log a where not exists (select 1 from audit_chain c where c.entry_id = a.id) order by a.at, a.id limit 1`,
    );
    return row?.id ?? null;
  }

  /** The newest link's hash: what dossiers and backups record as the log's state at that moment. */
  async head(manager: EntityManager | DataSource = this.db): Promise<{ seq: number; hash: string } | null> {
    const [row] = await manager.query(`select seq, hash from audit_chain order by seq desc limit 1`);
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }
}
