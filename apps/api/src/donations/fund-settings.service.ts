import type { FundSettings } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { FundSettingsRepository } from './fund-settings.repository';

/** Until finance sets it, receipts carry the app's name rather than an invented legal name. */
const UNSET: FundSettings = { legalName: { ru: 'Habeas', en: 'Habeas' } };

/** The fund's legal name, printed on every receipt. */
@Injectable()
export class FundSettingsService {
  constructor(
    private readonly settings: FundSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<FundSettings> {
    return (await this.settings.read()) ?? UNSET;
  }

  async save(actor: Actor, settings: FundSettings): Promise<FundSettings> {
    await this.settings.save(settings);
    await this.audit.record(actor, { action: 'fund.settings_changed', entityType: 'donation', details: { legalName: settings.legalName } });
    return this.current();
  }
}
