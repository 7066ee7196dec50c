import type { AlertNotification, MedicalAlert } from '@habeas/contracts';
import { Injectable, Logger } from '@nestjs/common';

type OpenedListener = (alert: MedicalAlert) => Promise<void>;
type DeliveriesSource = (alertId: string) => Promise<AlertNotification[]>;

/**
 * Where the alerting area (push, Telegram, on-call) plugs into alerts without the medical area depending on it:
 * it hears of every new alert and tells which notifications an alert has had.
 */
@Injectable()
export class MedicalAlertHooks {
  private readonly logger = new Logger('MedicalAlertHooks');
  private readonly opened: OpenedListener[] = [];
  private deliveries?: DeliveriesSource;

  onOpened(listener: OpenedListener): void {
    this.opened.push(listener);
  }

  provideDeliveries(source: DeliveriesSource): void {
    this.deliveries = source;
  }

  /** Tells every listener; a failing listener is logged and never fails the alert itself. */
  async alertOpened(alert: MedicalAlert): Promise<void> {
    for (const listener of this.opened) {
      await listener(alert).catch((error: unknown) => this.logger.error({ err: error, alertId: alert.id }, 'alert listener failed'));
    }
  }

  async deliveriesOf(alertId: string): Promise<AlertNotification[]> {
    return this.deliveries ? this.deliveries(alertId) : [];
  }
}
