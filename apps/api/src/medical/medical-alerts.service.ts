import {
  roleCan,
  type AlertCount,
  type AlertListQuery,
  type MedicalAlert,
  type MedicalOverview,
  type MedicalSettings,
  type Page,
  type PageQuery,
} from '@habeas/contracts';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type AuditWho } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { Conflict, NotFound } from '../common/http/domain-error';
import { decodeCursor, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { caseTitleIn, mailText, readerLanguage } from '../common/i18n/server-texts';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { MedicalAlertHooks } from './medical-alert-hooks';
import { MedicalAlertsRepository, toAlert, type AlertRow, type NewAlert } from './medical-alerts.repository';

const ESCALATE = 'medical.alert-escalate';
const NO_NEWS = 'medical.no-news';
const SYSTEM: AuditWho = { actorId: null, ip: null };

/**
 * The alert workflow (open → acknowledged → resolved), escalation of critical alerts to admins,
 * the "no news" rule, and mail to the case's medical staff. Other areas open alerts through `openAlert`.
 */
@Injectable()
export class MedicalAlertsService implements OnModuleInit {
  private readonly logger = new Logger('MedicalAlerts');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly alerts: MedicalAlertsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    private readonly hooks: MedicalAlertHooks,
  ) {}

  onModuleInit(): void {
    this.jobs.register<{ alertId: string }>(
      ESCALATE,
      async ({ alertId }) => {
        await this.escalate(alertId);
      },
      { retryLimit: 5, retryDelay: 5 },
    );
    const cron = this.config.medicalNoNewsCron;
    if (cron) {
      this.jobs.register(
        NO_NEWS,
        async () => {
          await this.openNoNewsAlerts();
        },
        { cron, retryLimit: 1 },
      );
    }
  }

  /**
   * Opens an alert (idempotent: one per incident, one unresolved per rule kind and case), audits it, mails the
   * medical members of the case when it is high or critical, and schedules escalation of a critical one.
   * Pass the caller's transaction manager to open it atomically with the caller's change.
   */
  async openAlert(who: AuditWho, alert: NewAlert, manager?: EntityManager): Promise<MedicalAlert | undefined> {
    const run = async (tx: EntityManager) => {
      const row = await this.alerts.insert(alert, tx);
      if (!row) return undefined;
      await this.audit.record(
        who,
        { action: 'medical_alert.open', entityType: 'medical_alert', entityId: row.id, details: { kind: row.kind, severity: row.severity } },
        tx,
      );
      return row;
    };
    const row = manager ? await run(manager) : await this.db.transaction(run);
    if (!row) return undefined;
    // Mail and jobs go out after the alert's transaction so a delivery job never runs before the row exists.
    if (row.severity === 'high' || row.severity === 'critical') await this.mailMedicalStaff(row);
    if (row.severity === 'critical') {
      await this.jobs.send(ESCALATE, { alertId: row.id }, { startAfter: this.config.medicalEscalationSeconds, singletonKey: `escalate:${row.id}` });
    }
    await this.hooks.alertOpened(toAlert(row));
    return toAlert(row);
  }

  async list(actor: Actor, query: AlertListQuery): Promise<Page<MedicalAlert>> {
    const caseIds = await this.access.visibleCaseIds(actor, 'alerts:work');
    const rows = await this.alerts.page(caseIds, query.status, query.caseId, query.limit, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.opened_key, id: row.id }), toAlert);
  }

  /**
   * The alert history of one case for its medical record (a dossier): readable by whoever may read the case's
   * medical records, lawyers included, though only medical staff work alerts.
   */
  async historyOf(actor: Actor, caseIdOrSlug: string, query: PageQuery): Promise<Page<MedicalAlert>> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'medical:read');
    const rows = await this.alerts.page([theCase.id], undefined, theCase.id, query.limit, decodeCursor(query.cursor));
    return toPage(rows, query.limit, (row) => ({ key: row.opened_key, id: row.id }), toAlert);
  }

  /** The alert with who was notified when, on which channel, and whether it got through. */
  async get(actor: Actor, id: string): Promise<MedicalAlert> {
    const alert = toAlert(await this.visible(actor, id));
    return { ...alert, notifications: await this.hooks.deliveriesOf(id) };
  }

  /** An alert by id for background work (the alerting area's jobs); whoever acts on it authorizes separately. */
  async find(id: string): Promise<MedicalAlert | undefined> {
    const row = await this.alerts.byId(id);
    return row ? toAlert(row) : undefined;
  }

  async acknowledge(actor: Actor, id: string): Promise<MedicalAlert> {
    await this.visible(actor, id);
    return this.db.transaction(async (tx) => {
      if (!(await this.alerts.acknowledge(id, actor.id, tx))) throw new Conflict('Only an open alert can be acknowledged');
      await this.audit.record(actor, { action: 'medical_alert.acknowledge', entityType: 'medical_alert', entityId: id }, tx);
      return toAlert((await this.alerts.byId(id, tx))!);
    });
  }

  async resolve(actor: Actor, id: string, note: string): Promise<MedicalAlert> {
    await this.visible(actor, id);
    return this.db.transaction(async (tx) => {
      if (!(await this.alerts.resolve(id, actor.id, note, tx))) throw new Conflict('The alert is already resolved');
      await this.audit.record(actor, { action: 'medical_alert.resolve', entityType: 'medical_alert', entityId: id }, tx);
      return toAlert((await this.alerts.byId(id, tx))!);
    });
  }

  /** Unresolved alerts of the cases the actor works alerts for: open ones and those in progress (acknowledged). */
  async unresolvedCountsFor(actor: Actor): Promise<AlertCount> {
    if (!roleCan(actor.role, 'alerts:work')) return { open: 0, inProgress: 0 };
    return this.alerts.unresolvedCounts(await this.access.visibleCaseIds(actor, 'alerts:work'));
  }

  /** The medic's home: the medical state of every case the actor may read the record of (no sealed fields). */
  async overview(actor: Actor): Promise<MedicalOverview> {
    return { items: await this.alerts.caseStates(await this.access.visibleCaseIds(actor, 'medical:read')) };
  }

  /** Escalates a critical alert still open after the delay: marked once (conditional update), then all admins are mailed. */
  async escalate(alertId: string): Promise<boolean> {
    const row = await this.db.transaction(async (tx) => {
      if (!(await this.alerts.markEscalated(alertId, tx))) return undefined;
      await this.audit.record(SYSTEM, { action: 'medical_alert.escalate', entityType: 'medical_alert', entityId: alertId }, tx);
      return this.alerts.byId(alertId, tx);
    });
    if (!row) return false;
    for (const admin of await this.alerts.adminEmails()) {
      await this.mail.queue({
        to: admin.email,
        ...mailText(readerLanguage(admin.language), 'alertEscalated', {
          caseTitle: caseTitleIn(readerLanguage(admin.language), row),
          url: `${this.config.publicUrl}/medical-alerts`,
        }),
        dedupeKey: `medical-alert:${alertId}:escalation:${admin.id}`,
      });
    }
    this.logger.warn({ alertId }, 'critical medical alert escalated to admins');
    return true;
  }

  /** The "no news" rule: one alert per case that had no medical check-in for its configured number of days. */
  async openNoNewsAlerts(): Promise<number> {
    let opened = 0;
    for (const { case_id, days } of await this.alerts.casesWithoutNews()) {
      const alert = await this.openAlert(SYSTEM, {
        caseId: case_id,
        kind: 'no_news',
        severity: 'moderate',
        reason: `no medical news for ${days} days`,
        reasonParams: { count: days },
      });
      if (alert) opened++;
    }
    return opened;
  }

  async settings(actor: Actor, caseIdOrSlug: string): Promise<MedicalSettings> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'medical:read');
    return this.alerts.settings(theCase.id);
  }

  /** The settings the vital-sign rules read for a case the caller already may write to. */
  settingsOf(caseId: string, manager?: EntityManager): Promise<MedicalSettings> {
    return this.alerts.settings(caseId, manager);
  }

  async updateSettings(actor: Actor, caseIdOrSlug: string, settings: MedicalSettings): Promise<MedicalSettings> {
    const theCase = await this.access.resolve(actor, caseIdOrSlug, 'medical:write');
    await this.db.transaction(async (tx) => {
      await this.alerts.setSettings(theCase.id, settings, tx);
      await this.audit.record(actor, { action: 'case.medical-settings', entityType: 'case', entityId: theCase.id, details: { ...settings } }, tx);
    });
    return settings;
  }

  private async visible(actor: Actor, id: string): Promise<AlertRow> {
    const row = await this.alerts.byId(id);
    if (!row) throw new NotFound('Alert');
    const caseIds = await this.access.visibleCaseIds(actor, 'alerts:work');
    if (caseIds !== 'all' && !caseIds.includes(row.case_id)) throw new NotFound('Alert');
    return row;
  }

  /** Medical details stay out of mail: only the case, the severity and a link, in each member's language. */
  private async mailMedicalStaff(row: AlertRow): Promise<void> {
    for (const member of await this.access.membersWithRoles(row.case_id, ['medical'])) {
      await this.mail.queue({
        to: member.email,
        ...mailText(readerLanguage(member.language), 'alertOpened', {
          severity: row.severity,
          caseTitle: caseTitleIn(readerLanguage(member.language), row),
          url: `${this.config.publicUrl}/medical-alerts`,
        }),
        dedupeKey: `medical-alert:${row.id}:open:${member.id}`,
      });
    }
  }
}
