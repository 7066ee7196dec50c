import type { BankStatementItem, Page, PageQuery, StatementImportResult } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { randomUUID } from 'node:crypto';
import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';
import { insertDonorIdentity } from '../donations/donor-identity';
import { transferField } from './bank-transfer-fields';
import { num, rowsOf } from '../donations/sql';
import { BankTransferMatcher } from './bank-transfer-matcher';
import { parseStatement, StatementFormatError, type StatementLine } from './client-bank-exchange';

export interface UploadedStatement {
  fileName: string;
  bytes: Buffer;
}

/** Statements of the fund's accounts: stored sealed, each document recorded once, matched to campaigns and expenses. */
const statementField = (column: 'file_name' | 'content', statementId: string): SealedAt => ({ table: 'bank_statements', column, row: statementId });

@Injectable()
export class BankStatementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly matcher: BankTransferMatcher,
  ) {}

  /** One transaction: the statement, its new lines and their donations commit together or not at all. */
  async importStatement(actor: Actor | null, file: UploadedStatement, m?: EntityManager): Promise<StatementImportResult> {
    let statement;
    try {
      statement = parseStatement(file.bytes);
    } catch (error) {
      if (error instanceof StatementFormatError) throw new DomainError(400, `file: ${error.message}`);
      throw error;
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const run = async (tx: EntityManager): Promise<StatementImportResult> => {
      // Imports of the same account queue behind each other, so overlapping statements cannot both insert a line.
      await tx.query(`select pg_advisory_xact_lock(hashtext($1))`, [`bank-statement:${statement.account}`]);
      const [same] = await rowsOf<{ id: string }>(tx, `select id from bank_statements where sha256 = $1 and deleted_at is null`, [sha256]);
      const newId = randomUUID();
      const statementId =
        same?.id ??
        (
          await rowsOf<{ id: string }>(
            tx,
            `insert into bank_statements (id, sha256, file_name, content, encoding, account, period_from, period_to, line_count, imported_by)
             values ($10, $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
            [
              sha256,
              sealText(file.fileName, statementField('file_name', newId)),
              sealText(file.bytes.toString('base64'), statementField('content', newId)),
              statement.encoding,
              statement.account,
              statement.from,
              statement.to,
              statement.lines.length,
              actor?.id ?? null,
              newId,
            ],
          )
        )[0].id;
      const result: StatementImportResult = { statementId, imported: 0, matched: 0, unmatched: 0, duplicates: 0, outgoing: 0, outgoingMatched: 0 };
      for (const line of statement.lines) {
        const transferId = await this.insertLine(tx, statementId, line);
        if (!transferId) {
          result.duplicates++;
          const [known] = await rowsOf<{ id: string }>(tx, `select id from bank_transfers where line_key = $1`, [line.key]);
          await tx.query(`insert into bank_statement_lines (statement_id, transfer_id) values ($1, $2) on conflict do nothing`, [statementId, known.id]);
          continue;
        }
        result.imported++;
        if (line.direction === 'in') {
          const matched = await this.matcher.matchIncoming(tx, transferId, line);
          if (matched) result.matched++;
          else result.unmatched++;
        } else {
          result.outgoing++;
          if (await this.matcher.matchOutgoing(tx, transferId, line)) result.outgoingMatched++;
        }
      }
      if (actor)
        await this.audit.record(
          actor,
          { action: 'bank_statement.imported', entityType: 'bank_statement', entityId: statementId, details: { ...result, statementId: undefined } },
          tx,
        );
      return result;
    };
    return m ? run(m) : this.db.transaction(run);
  }

  /** Inserts the line unless a statement already brought it; returns its id when new. */
  private async insertLine(m: EntityManager, statementId: string, line: StatementLine): Promise<string | null> {
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

  async list(query: PageQuery): Promise<Page<BankStatementItem>> {
    const cursor = decodeCursor(query.cursor);
    const params: unknown[] = [query.limit + 1];
    if (cursor) params.push(cursor.key, cursor.id);
    const rows = await rowsOf<{
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
    }>(
      this.db,
      `select id, file_name, account, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to, encoding, line_count, created_at, deleted_at,
              to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key
         from bank_statements ${cursor ? `where (created_at, id) < ($2::timestamptz, $3::uuid)` : ''} order by created_at desc, id desc limit $1`,
      params,
    );
    return toPage(
      rows,
      query.limit,
      (row) => ({ key: row.key, id: row.id }),
      (row) => ({
        id: row.id,
        fileName: openText(row.file_name, statementField('file_name', row.id)),
        account: row.account,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        encoding: row.encoding,
        lineCount: num(row.line_count),
        importedAt: row.created_at.toISOString(),
        fileDeleted: Boolean(row.deleted_at),
      }),
    );
  }

  /** Deletes the stored file; the lines already recorded stay. */
  async deleteFile(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows = await rowsOf(
        m,
        `update bank_statements set content = null, file_name = null, deleted_at = coalesce(deleted_at, now()) where id = $1 returning id`,
        [id],
      );
      if (!rows.length) throw new NotFound('Statement');
      await this.audit.record(actor, { action: 'bank_statement.file_deleted', entityType: 'bank_statement', entityId: id }, m);
    });
  }
}
