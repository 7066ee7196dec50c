import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface PasswordResetRow {
  id: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** One-time password reset links: only each token's hash is stored. */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores a new link and closes the user's earlier open ones (one working link at a time). */
  async replaceOpen(manager: EntityManager, reset: { userId: string; tokenHash: Buffer; expiresAt: Date; issuedBy: string | null }): Promise<void> {
    await manager.query(`update password_resets set used_at = now() where user_id = $1 and used_at is null`, [reset.userId]);
    await manager.query(`insert into password_resets (user_id, token_hash, expires_at, issued_by) values ($1, $2, $3, $4)`, [
      reset.userId,
      reset.tokenHash,
      reset.expiresAt,
      reset.issuedBy,
    ]);
  }

  /** The link with this token hash, locked for the caller's transaction. */
  async lockByHash(manager: EntityManager, tokenHash: Buffer): Promise<PasswordResetRow | null> {
    const rows: Array<{ id: string; user_id: string; expires_at: Date; used_at: Date | null }> = await manager.query(
      `select id, user_id, expires_at, used_at from password_resets where token_hash = $1 for update`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`update password_resets set used_at = now() where id = $1`, [id]);
  }

  /** How many links were made for the user since `since` (limits reset mails to one address). */
  async countSince(userId: string, since: Date): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(`select count(*)::int as n from password_resets where user_id = $1 and created_at >= $2`, [
      userId,
      since,
    ]);
    return rows[0].n;
  }
}
