import type { Role } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { AuditService } from '../audit/audit.service';

/** Team-wide security settings (one row): which roles must use two-factor sign-in. */
@Injectable()
export class SecuritySettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<{ mfaRequiredRoles: Role[] }> {
    const rows: Array<{ mfa_required_roles: Role[] }> = await this.db.query(`select mfa_required_roles from security_settings where id`);
    return { mfaRequiredRoles: rows[0]?.mfa_required_roles ?? [] };
  }

  async update(actor: Actor, mfaRequiredRoles: Role[]): Promise<{ mfaRequiredRoles: Role[] }> {
    const roles = [...new Set(mfaRequiredRoles)].sort();
    await this.db.query(`update security_settings set mfa_required_roles = $1, updated_by = $2, updated_at = now() where id`, [roles, actor.id]);
    await this.audit.record(actor, { action: 'settings.mfa-required-roles', entityType: 'user', entityId: null, details: { roles } });
    return { mfaRequiredRoles: roles };
  }

  async mfaRequiredFor(role: Role): Promise<boolean> {
    return (await this.get()).mfaRequiredRoles.includes(role);
  }
}
