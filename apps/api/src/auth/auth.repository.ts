import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@habeas/contracts';
import { UserEntity } from '../users/user.entity';

export const MFA_POLICY_KEY = 'mfa.requiredRoles';

/** What sign-in writes: the MFA policy setting, a user's sign-in columns (password, MFA, last step) and recovery codes. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async mfaRequiredRoles(): Promise<Role[]> {
    const rows: Array<{ value: Role[] }> = await this.db.query(`select value from app_settings where key = $1`, [MFA_POLICY_KEY]);
    return rows[0]?.value ?? [];
  }

  async setMfaRequiredRoles(roles: Role[]): Promise<void> {
    await this.db.query(
      `insert into app_settings (key, value) values ($1, $2::jsonb)
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [MFA_POLICY_KEY, JSON.stringify(roles)],
    );
  }

  /** Marks one unused recovery code used; true when there was one. */
  async useRecoveryCode(userId: string, codeHash: Buffer): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `with used as (
         update mfa_recovery_codes set used_at = now(), updated_at = now()
          where user_id = $1 and code_hash = $2 and used_at is null returning id)
       select id from used`,
      [userId, codeHash],
    );
    return rows.length > 0;
  }

  /** Records the TOTP step as used; false when this step (or a later one) already was. */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const [rows] = (await this.db.query(`update users set mfa_last_step = $2 where id = $1 and (mfa_last_step is null or mfa_last_step < $2) returning id`, [
      userId,
      step,
    ])) as [unknown[], number];
    return rows.length === 1;
  }

  /** Turns MFA on with its first step used; false when it was already on or the step already used. */
  async enableMfa(userId: string, step: number): Promise<boolean> {
    const [enabled] = (await this.db.query(
      `update users set mfa_enabled_at = now(), mfa_last_step = $2, updated_at = now()
        where id = $1 and mfa_enabled_at is null and (mfa_last_step is null or mfa_last_step < $2) returning id`,
      [userId, step],
    )) as [unknown[], number];
    return enabled.length === 1;
  }

  /** Turns MFA off: the secret and every recovery code go. */
  async disableMfa(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`update users set mfa_enabled_at = null, mfa_secret = null, updated_at = now() where id = $1`, [userId]);
    await manager.query(`delete from mfa_recovery_codes where user_id = $1`, [userId]);
  }

  async setMfaSecret(userId: string, sealedSecret: string): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { mfaSecret: sealedSecret });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  async markSignedIn(userId: string): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id: userId }, { lastSignInAt: new Date() });
  }

  /** Recovery codes of a user: all of them, or only the unused ones. */
  async recoveryCodeCount(userId: string, unusedOnly: boolean): Promise<number> {
    const rows: Array<{ count: number }> = await this.db.query(
      `select count(*)::int as count from mfa_recovery_codes where user_id = $1${unusedOnly ? ' and used_at is null' : ''}`,
      [userId],
    );
    return rows[0].count;
  }

  /** Replaces a user's recovery codes with these (their hashes). */
  async replaceRecoveryCodes(manager: EntityManager, userId: string, codeHashes: Buffer[]): Promise<void> {
    await manager.query(`delete from mfa_recovery_codes where user_id = $1`, [userId]);
    for (const codeHash of codeHashes) {
      await manager.query(`insert into mfa_recovery_codes (user_id, code_hash) values ($1, $2)`, [userId, codeHash]);
    }
  }
}
