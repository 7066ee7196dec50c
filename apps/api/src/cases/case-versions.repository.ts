import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Reads the per-case versions that triggers raise in the same transaction as every change to what a case's
 * timeline and the dashboard show (migration 1796028921161-case-versions).
 */
@Injectable()
export class CaseVersions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The case's version now ('0' before its first change). */
  async of(caseId: string): Promise<string> {
    const rows: Array<{ version: string }> = await this.db.query(`select version from case_versions where case_id = $1`, [caseId]);
    return rows[0]?.version ?? '0';
  }

  /** One value that changes whenever any of these cases (or, for 'all', any case at all) changes. */
  async ofMany(caseIds: string[] | 'all'): Promise<string> {
    const rows: Array<{ n: string; total: string }> = await this.db.query(
      `select count(*) as n, coalesce(sum(version), 0) as total from case_versions ${caseIds === 'all' ? '' : 'where case_id = any($1)'}`,
      caseIds === 'all' ? [] : [caseIds],
    );
    return `${rows[0].n}:${rows[0].total}`;
  }

  /** The tables among `tables` whose changes raise no case version (a cache over them would go stale). */
  async unversioned(tables: string[]): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.db.query(
      `select t.name from unnest($1::text[]) as t(name)
        where not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                           where c.relname = t.name and g.tgname like 'case_versions%' and not g.tgisinternal)`,
      [tables],
    );
    return rows.map((row) => row.name);
  }
}
