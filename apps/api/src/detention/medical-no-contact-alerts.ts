import { Injectable } from '@nestjs/common';
import { MedicalAlertsService } from '../medical/medical-alerts.service';
import type { AlertOpener } from './alert-opener';

/** "No contact" alerts land in the medical alerts inbox, through the one alert mechanism. */
@Injectable()
export class MedicalNoContactAlerts implements AlertOpener {
  constructor(private readonly alerts: MedicalAlertsService) {}

  async openNoContactAlert(caseId: string, lastContactAt: Date | null): Promise<void> {
    const since = lastContactAt ? `since ${lastContactAt.toISOString().slice(0, 10)}` : 'since the case was opened';
    await this.alerts.openAlert(
      { actorId: null, ip: null },
      {
        caseId,
        kind: 'no_contact',
        severity: 'high',
        reason: `No visit, call or letter ${since}`,
        reasonParams: { since: lastContactAt?.toISOString().slice(0, 10) ?? null },
      },
    );
  }
}
