import type { BankStatementItem, Page, PageQuery, StatementImportResult } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { BankStatementsRepository, toStatementItem } from './bank-statements.repository';
import { BankTransferMatcher } from './bank-transfer-matcher';
import { parseStatement, StatementFormatError } from './client-bank-exchange';

export interface UploadedStatement {
  fileName: string;
  bytes: Buffer;
}

/** Statements of the fund's accounts: stored sealed, each document recorded once, matched to campaigns and expenses. */
@Injectable()
export class BankStatementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly matcher: BankTransferMatcher,
    private readonly statements: BankStatementsRepository,
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
      await this.statements.lockAccount(tx, statement.account);
      const statementId = await this.statements.findOrInsert(tx, { fileName: file.fileName, bytes: file.bytes, sha256 }, statement, actor?.id ?? null);
      const result: StatementImportResult = { statementId, imported: 0, matched: 0, unmatched: 0, duplicates: 0, outgoing: 0, outgoingMatched: 0 };
      for (const line of statement.lines) {
        const transferId = await this.statements.insertLine(tx, statementId, line);
        if (!transferId) {
          result.duplicates++;
          await this.statements.linkKnownLine(tx, statementId, line.key);
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

  async list(query: PageQuery): Promise<Page<BankStatementItem>> {
    const rows = await this.statements.page(query.limit + 1, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.key, id: row.id }), toStatementItem);
  }

  /** Deletes the stored file; the lines already recorded stay. */
  async deleteFile(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.statements.deleteFile(m, id))) throw new NotFound('Statement');
      await this.audit.record(actor, { action: 'bank_statement.file_deleted', entityType: 'bank_statement', entityId: id }, m);
    });
  }
}
