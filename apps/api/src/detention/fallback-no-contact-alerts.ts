import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AlertOpener } from './alert-opener';

/**
 * Fallback AlertOpener, to be REPLACED by the medical alerts mechanism (bind ALERT_OPENER there):
 * the watch already keeps the alert in `no_contact_alerts` (shown on the Contact tab); this audits it.
 */
@Injectable()
export class FallbackNoContactAlerts implements AlertOpener {
  constructor(private readonly audit: AuditService) {}

  async openNoContactAlert(caseId: string, lastContactAt: Date | null): Promise<void> {
    await this.audit.record(
      { actorId: null, ip: null },
      { action: 'no_contact_alert.open', entityType: 'case', entityId: caseId, details: { lastContactAt: lastContactAt?.toISOString() ?? null } },
    );
  }
}
