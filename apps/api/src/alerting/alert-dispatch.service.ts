import type { AlertNotification, MedicalAlert } from '@habeas/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { MedicalAlertHooks } from '../medical/medical-alert-hooks';
import { MedicalAlertsService } from '../medical/medical-alerts.service';
import type { AlertMessage } from './alert-texts';
import { LAST_STEP, nextOnDutyAfter, onDutyAt, recipientsOfStep } from './on-call-rules';
import { OnCallRepository } from './on-call.repository';
import { PersonNotifier, type Delivery } from './person-notifier';

const STEP = 'alerting.escalation-step';
const RETRY = 'alerting.retry-delivery';
/** Attempts per delivery: the first, then retries after 5, 10, 20, 40 s. */
const MAX_ATTEMPTS = 5;

/**
 * Calls people about an alert, step by step (on duty → next → everyone with medical rights and the admins),
 * until someone acknowledges. Each step is a pg-boss job and is claimed in the database, so it runs once across
 * instances; failed deliveries are retried with backoff, every attempt recorded.
 */
@Injectable()
export class AlertDispatchService implements OnModuleInit {
  private readonly logger = new Logger('AlertDispatch');

  constructor(
    private readonly hooks: MedicalAlertHooks,
    private readonly alerts: MedicalAlertsService,
    private readonly onCall: OnCallRepository,
    private readonly notifier: PersonNotifier,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.hooks.onOpened((alert) => this.alertOpened(alert));
    this.hooks.provideDeliveries((alertId) => this.onCall.notificationsOf(alertId));
    this.jobs.register<{ alertId: string; step: number }>(STEP, ({ alertId, step }) => this.runStep(alertId, step), { retryLimit: 3, retryDelay: 5 });
    // Each attempt is recorded and the next one scheduled by hand (below), so pg-boss itself retries only crashes.
    this.jobs.register<Delivery>(RETRY, (delivery) => this.retry(delivery), { retryLimit: 1, retryDelay: 30 });
  }

  /** High and critical alerts call people on their phones; lower ones stay in the admin. */
  async alertOpened(alert: MedicalAlert): Promise<void> {
    if (alert.severity !== 'high' && alert.severity !== 'critical') return;
    await this.jobs.send(STEP, { alertId: alert.id, step: 0 }, { singletonKey: `alert-step:${alert.id}:0` });
  }

  async runStep(alertId: string, step: number): Promise<void> {
    const alert = await this.alerts.find(alertId);
    if (!alert || alert.status !== 'open') return;
    const policy = await this.onCall.policyFor(alert.caseId);
    const workers = await this.onCall.alertWorkers(alert.caseId);
    const eligible = (id: string | null) => (id && workers.some((w) => w.id === id) ? id : null);
    const rota = policy ? await this.onCall.rotaOf(policy) : undefined;
    const now = new Date();
    const recipients = recipientsOfStep(step, {
      onDuty: rota ? eligible(onDutyAt(rota, now)) : null,
      next: rota ? eligible(nextOnDutyAfter(rota, now)) : null,
      medicalStaff: workers.filter((w) => !w.admin).map((w) => w.id),
      everyone: workers.map((w) => w.id),
    });
    if (!(await this.onCall.claimStep(alertId, step, recipients))) return;
    const message = this.messageOf(alert, step);
    const results = await Promise.all(recipients.map((userId) => this.notifier.notify(userId, message, alert.severity === 'critical')));
    for (const failed of results.flat().filter((d) => d.status === 'failed')) await this.scheduleRetry(failed.delivery);
    if (step >= LAST_STEP) return;
    if (recipients.length === 0) return this.runStep(alertId, step + 1);
    const seconds = this.config.onCallStepSeconds ?? (policy ? policy.escalate_after_minutes * 60 : this.config.medicalEscalationSeconds);
    await this.jobs.send(STEP, { alertId, step: step + 1 }, { startAfter: seconds, singletonKey: `alert-step:${alertId}:${step + 1}` });
  }

  /** "Send me a test alert": every channel of the person at once, quiet hours ignored; failures are retried too. */
  async test(userId: string): Promise<AlertNotification[]> {
    const message: AlertMessage = {
      alertId: null,
      caseSlug: '',
      severity: 'critical',
      openedAt: new Date(),
      url: `${this.config.publicUrl}/account`,
      step: 0,
      test: true,
    };
    const results = await this.notifier.notify(userId, message, true);
    for (const failed of results.filter((d) => d.status === 'failed')) await this.scheduleRetry(failed.delivery);
    return results.map((result) => result.notification);
  }

  private messageOf(alert: MedicalAlert, step: number): AlertMessage {
    return {
      alertId: alert.id,
      caseSlug: alert.caseSlug,
      severity: alert.severity,
      openedAt: new Date(alert.openedAt),
      url: `${this.config.publicUrl}/medical-alerts?alert=${alert.id}`,
      step,
      test: false,
    };
  }

  private async retry(delivery: Delivery): Promise<void> {
    if (delivery.message.alertId) {
      const alert = await this.alerts.find(delivery.message.alertId);
      if (!alert || alert.status !== 'open') return; // someone took it: no more calls about it
    }
    const result = await this.notifier.deliver({ ...delivery, message: { ...delivery.message, openedAt: new Date(delivery.message.openedAt) } });
    if (result.status === 'failed') await this.scheduleRetry(result.delivery);
  }

  private async scheduleRetry(delivery: Delivery): Promise<void> {
    if (delivery.attempt >= MAX_ATTEMPTS) {
      this.logger.warn({ channel: delivery.channel, attempts: delivery.attempt }, 'alert delivery gave up');
      return;
    }
    const next = { ...delivery, attempt: delivery.attempt + 1 };
    await this.jobs.send(RETRY, next, { startAfter: 5 * 2 ** (delivery.attempt - 1) });
  }
}
