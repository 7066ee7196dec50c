import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { tokenHash } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no look-alikes (0/o, 1/l/i)
const COUNT = 10;

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normalize(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}

/** Ten one-time codes per user for when the phone is lost; only their HMACs are stored. */
@Injectable()
export class MfaRecoveryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Replaces the user's codes with ten new ones and returns them (shown once). */
  async regenerate(userId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const codes = Array.from({ length: COUNT }, newCode);
    await manager.query(`delete from mfa_recovery_codes where user_id = $1`, [userId]);
    await manager.query(`insert into mfa_recovery_codes (user_id, code_hash) select $1, unnest($2::bytea[])`, [userId, codes.map((code) => this.hash(code))]);
    return codes;
  }

  /** Uses up a code if it is one of the user's unused ones; a code works exactly once, even when two requests race. */
  async consume(userId: string, code: string): Promise<boolean> {
    if (!/^[a-z0-9]{10}$/.test(normalize(code))) return false;
    const result: [unknown[], number] = await this.db.query(
      `update mfa_recovery_codes set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null returning id`,
      [userId, this.hash(code)],
    );
    return result[1] === 1;
  }

  async remaining(userId: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.db.query(`select count(*) as n from mfa_recovery_codes where user_id = $1 and used_at is null`, [userId]);
    return Number(rows[0].n);
  }

  async clear(userId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`delete from mfa_recovery_codes where user_id = $1`, [userId]);
  }

  private hash(code: string): Buffer {
    return tokenHash(this.config.sessionSecret, `recovery:${normalize(code)}`);
  }
}
