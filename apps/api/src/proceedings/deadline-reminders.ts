import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { mailText, readerLanguage } from '../common/i18n/server-texts';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { AppConfig } from '../config/app-config';

const JOB = 'deadlines.remind';

interface Recipient {
  case_title: string;
  case_slug: string;
  email: string;
  user_id: string;
  language: string;
}

interface DueReminder extends Recipient {
  deadline_id: string;
  title: string;
  due_at: Date;
  time_zone: string;
  window: '3d' | '1d';
}

interface HearingReminder extends Recipient {
  hearing_id: string;
  kind: string;
  scheduled_at: Date;
  time_zone: string;
  court: string;
}

const RECIPIENTS = `join cases c on c.id = x.case_id
         join case_members m on m.case_id = x.case_id
         join users u on u.id = m.user_id and u.disabled_at is null`;

/**
 * Mails every member of a case 3 days and 1 day before an open deadline, and the day before a hearing, in the
 * member's language and in the court's time («10:00 МСК»). The pg-boss cron runs each tick on one instance, and
 * the outbox dedupe key (item, its time, member, window) makes a reminder go out once even if two instances or a
 * retry run the same check.
 */
@Injectable()
export class DeadlineReminders implements OnModuleInit {
  private readonly logger = new Logger('DeadlineReminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
    private readonly mail: MailService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(JOB, () => this.sendDue(new Date()).then(() => undefined), { cron: this.config.schedules.deadlineReminders, retryLimit: 2 });
  }

  /** Queues the reminders due at `now`; returns how many new mails were queued. */
  async sendDue(now: Date): Promise<number> {
    const due: DueReminder[] = await this.db.query(
      `select x.id as deadline_id, x.title, x.due_at, c.court_time_zone as time_zone, coalesce(case when u.language = 'en' then nullif(c.title_en, '') end, c.title) as case_title, c.slug as case_slug,
              u.email, u.id as user_id, u.language,
              case when x.due_at <= $1::timestamptz + interval '1 day' then '1d' else '3d' end as window
         from deadlines x ${RECIPIENTS}
        where x.done_at is null and x.due_at > $1::timestamptz and x.due_at <= $1::timestamptz + interval '3 days'`,
      [now.toISOString()],
    );
    let queued = 0;
    for (const reminder of due) {
      const mail = mailText(
        readerLanguage(reminder.language),
        'deadlineReminder',
        {
          title: reminder.title,
          caseTitle: reminder.case_title,
          due: { at: reminder.due_at.toISOString(), timeZone: reminder.time_zone },
          url: `${this.config.publicUrl}/cases/${reminder.case_slug}/deadlines`,
        },
        reminder.window,
      );
      const id = await this.mail.queue({
        to: reminder.email,
        ...mail,
        dedupeKey: `deadline-reminder:${reminder.deadline_id}:${reminder.due_at.toISOString()}:${reminder.user_id}:${reminder.window}`,
      });
      if (id) queued++;
    }
    const hearings: HearingReminder[] = await this.db.query(
      `select x.id as hearing_id, x.kind, x.scheduled_at, x.time_zone, x.court, coalesce(case when u.language = 'en' then nullif(c.title_en, '') end, c.title) as case_title, c.slug as case_slug,
              u.email, u.id as user_id, u.language
         from hearings x ${RECIPIENTS}
        where x.outcome is null and x.scheduled_at > $1::timestamptz and x.scheduled_at <= $1::timestamptz + interval '1 day'`,
      [now.toISOString()],
    );
    for (const hearing of hearings) {
      const mail = mailText(readerLanguage(hearing.language), 'hearingReminder', {
        kind: hearing.kind,
        court: hearing.court || '—',
        caseTitle: hearing.case_title,
        at: { at: hearing.scheduled_at.toISOString(), timeZone: hearing.time_zone },
        url: `${this.config.publicUrl}/cases/${hearing.case_slug}/hearings`,
      });
      const id = await this.mail.queue({
        to: hearing.email,
        ...mail,
        dedupeKey: `hearing-reminder:${hearing.hearing_id}:${hearing.scheduled_at.toISOString()}:${hearing.user_id}`,
      });
      if (id) queued++;
    }
    if (queued) this.logger.log({ queued }, 'reminders queued');
    return queued;
  }
}
