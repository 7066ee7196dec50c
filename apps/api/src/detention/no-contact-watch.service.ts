import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/jobs.service';
import { ALERT_OPENER, type AlertOpener } from './alert-opener';
import { ContactLogRepository } from './contact-log.repository';
import { AppConfig } from '../config/app-config';

export const NO_CONTACT_WATCH_JOB = 'detention.no-contact-watch';

/**
 * The "no contact" watch: every hour (one run across instances, by pg-boss) it finds cases with no
 * held visit, held call or delivered letter for their N days and opens one alert per silence.
 * `no_contact_alerts` remembers which silences were alerted; logging contact resolves it.
 */
@Injectable()
export class NoContactWatch implements OnModuleInit {
  private readonly logger = new Logger('NoContactWatch');

  constructor(
    private readonly contacts: ContactLogRepository,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    @Inject(ALERT_OPENER) private readonly alerts: AlertOpener,
  ) {}

  onModuleInit(): void {
    this.jobs.register(NO_CONTACT_WATCH_JOB, () => this.check().then(() => undefined), { cron: this.config.schedules.noContactWatch, retryLimit: 2 });
  }

  /** Opens alerts for cases silent at `now`; returns their ids. Safe to run twice: one open alert per case. */
  async check(now = new Date()): Promise<string[]> {
    const silent = await this.contacts.silentCases(now);
    const opened: string[] = [];
    for (const row of silent) {
      if (!(await this.contacts.claimNoContactAlert(row.case_id, row.last_at, now))) continue;
      await this.alerts.openNoContactAlert(row.case_id, row.last_at);
      opened.push(row.case_id);
    }
    if (opened.length) this.logger.log({ cases: opened.length }, 'no-contact alerts opened');
    return opened;
  }
}
