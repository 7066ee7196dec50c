import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { ALERT_OPENER, type AlertOpener } from './alert-opener';
import { COUNTS_AS_CONTACT, DEFAULT_NO_CONTACT_DAYS } from './contact-log.service';
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
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    @Inject(ALERT_OPENER) private readonly alerts: AlertOpener,
  ) {}

  onModuleInit(): void {
    this.jobs.register(NO_CONTACT_WATCH_JOB, () => this.check().then(() => undefined), { cron: this.config.schedules.noContactWatch, retryLimit: 2 });
  }

  /** Opens alerts for cases silent at `now`; returns their ids. Safe to run twice: one open alert per case. */
  async check(now = new Date()): Promise<string[]> {
    const silent: Array<{ case_id: string; last_at: Date | null }> = await this.db.query(
      `select c.id as case_id, last.at as last_at
         from cases c
         left join case_contact_settings s on s.case_id = c.id
         left join lateral (select max(e.occurred_at) as at from contact_events e where e.case_id = c.id and (${COUNTS_AS_CONTACT})) last on true
        where coalesce(last.at, c.created_at) < $1::timestamptz - make_interval(days => coalesce(s.no_contact_days, $2))
          and not exists (select 1 from no_contact_alerts a where a.case_id = c.id and a.status = 'open')`,
      [now, DEFAULT_NO_CONTACT_DAYS],
    );
    const opened: string[] = [];
    for (const row of silent) {
      const claimed: Array<{ id: string }> = await this.db.query(
        `insert into no_contact_alerts (case_id, last_contact_at, opened_at) values ($1, $2, $3)
         on conflict (case_id) where status = 'open' do nothing returning id`,
        [row.case_id, row.last_at, now],
      );
      if (!claimed[0]) continue;
      await this.alerts.openNoContactAlert(row.case_id, row.last_at);
      opened.push(row.case_id);
    }
    if (opened.length) this.logger.log({ cases: opened.length }, 'no-contact alerts opened');
    return opened;
  }
}
