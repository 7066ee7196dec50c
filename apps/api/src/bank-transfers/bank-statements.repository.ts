import type { BankStatementItem } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';
import { cursorKey, keysetAfter, type KeysetCursor } from '../common/pagination';
import { insertDonorIdentity } from '../donations/donor-identity';
import { num, rowsOf } from '../common/database/sql';
import { transferField } from './bank-transfer-fields';
import type { Statement, StatementLine } from './client-bank-exchange';

const statementField = (column: 'file_name' | 'content', statementId: string): SealedAt => ({ table: 'bank_statements', column, row: statementId });

export interface StatementRow {
  id: string;
  file_name: string | null;
  account: string;
  period_from: string | null;
  period_to: string | null;
  encoding: string;
  line_count: number;
  created_at: Date;
  key: string;
  deleted_at: Date | null;
}

/** Statements of the fund's accounts (file name and content sealed) and the transfer lines they bring. */
@Injectable()
export class BankStatementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Imports of the same account queue behind each other, so overlapping statements cannot both insert a line. */
  async lockAccount(tx: EntityManager, account: string): Promise<void> {
    await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`bank-statement:${account}`]);
  }

  /** The statement already stored with this content (unless its file was deleted), or a new one; returns its id. */
  async findOrInsert(
    tx: EntityManager,
    file: { fileName: string; bytes: Buffer; sha256: string },
    statement: Statement,
    importedBy: string | null,
  ): Promise<string> {
    const [same] = await rowsOf<{ id: string }>(tx, `select id from bank_statements where sha256 = $1 and deleted_at is null`, [file.sha256]);
    if (same) return same.id;
    const newId = randomUUID();
    const [inserted] = await rowsOf<{ id: string }>(
      tx,
      `insert into bank_statements (id, sha256, file_name, content, encoding, account, period_from, period_to, line_count, imported_by)
       values ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        file.sha256,
        sealText(file.fileName, statementField('file_name', newId)),
        sealText(file.bytes.toString('base64'), statementField('content', newId)),
        statement.encoding,
        statement.account,
        statement.from,
        statement.to,
        statement.lines.length,
        importedBy,
        newId,
      ],
    );
    return inserted.id;
  }

  /** Records that this statement also lists a line an earlier statement brought. */
  async linkKnownLine(tx: EntityManager, statementId: string, lineKey: string): Promise<void> {
    const [known] = await rowsOf<{ id: string }>(tx, `select id from bank_transfers where line_key = $1`, [lineKey]);
    await tx.query(`insert into bank_statement_lines (statement_id, transfer_id) values ($1, $2) on conflict do nothing`, [statementId, known.id]);
  }

  /** Inserts the line unless a statement already brought it; returns its id when new. */
  async insertLine(m: EntityManager, statementId: string, line: StatementLine): Promise<string | null> {
    const incoming = line.direction === 'in';
    const id = randomUUID();
    const [row] = await rowsOf<{ id: string }>(
      m,
      `insert into bank_transfers (id, statement_id, line_key, direction, status, document_number, booked_on, amount_minor, counterparty_name, counterparty_account, counterparty_inn, purpose)
       values ($12, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (line_key) do nothing returning id`,
      [
        statementId,
        line.key,
        line.direction,
        incoming ? 'unmatched' : 'outgoing',
        line.number,
        line.date,
        line.amountMinor,
        // A payer's name lives in their donor identity (erasable); a payee's (a lawyer, a shop) stays with the line.
        incoming ? null : sealText(line.counterpartyName, transferField('counterparty_name', id)),
        sealText(line.counterpartyAccount, transferField('counterparty_account', id)),
        sealText(line.counterpartyInn, transferField('counterparty_inn', id)),
        sealText(line.purpose, transferField('purpose', id)),
        id,
      ],
    );
    if (!row) return null;
    await m.query(`insert into bank_statement_lines (statement_id, transfer_id) values ($1, $2)`, [statementId, row.id]);
    if (incoming) {
      const donorId = await insertDonorIdentity(m, { name: line.counterpartyName, showName: false });
      await m.query(`update bank_transfers set donor_id = $2 where id = $1`, [row.id, donorId]);
    }
    return row.id;
  }

  /** Up to `limit` statements, newest first, after `after` by (created_at, id). */
  async page(limit: number, after: KeysetCursor | undefined): Promise<StatementRow[]> {
    const params: unknown[] = [limit];
    const where = after ? `where ${keysetAfter(params, after, { key: 'created_at', id: 'id', descending: true })}` : '';
    return rowsOf<StatementRow>(
      this.db,
      `select id, file_name, account, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to, encoding, line_count, created_at, deleted_at,
              ${cursorKey('created_at')} as key
         from bank_statements ${where} order by created_at desc, id desc limit $1`,
      params,
    );
  }

  /** Empties the stored file (the lines stay); false when there is no such statement. */
  async deleteFile(m: EntityManager, id: string): Promise<boolean> {
    const rows = await rowsOf(
      m,
      `update bank_statements set content = null, file_name = null, deleted_at = coalesce(deleted_at, now()) where id = $1 returning id`,
      [id],
    );
    return rows.length > 0;
  }
}

export function toStatementItem(row: StatementRow): BankStatementItem {
  return {
    id: row.id,
    fileName: openText(row.file_name, statementField('file_name', row.id)),
    account: row.account,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    encoding: row.encoding,
    lineCount: num(row.line_count),
    importedAt: row.created_at.toISOString(),
    fileDeleted: Boolean(row.deleted_at),
  };
}
