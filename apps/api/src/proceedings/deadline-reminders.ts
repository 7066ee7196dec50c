import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { AppConfig } from '../config/app-config';

const JOB = 'deadlines.remind';

interface DueReminder {
  deadline_id: string;
  title: string;
  due_at: Date;
  case_title: string;
  case_slug: string;
  email: string;
  user_id: string;
  window: '3d' | '1d';
}

/**
 * Mails every member of a case 3 days and 1 day before an open deadline. The pg-boss cron runs each
 * tick on one instance, and the outbox dedupe key (deadline, due time, member, window) makes a
 * reminder go out once even if two instances or a retry run the same check.
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
      `select d.id as deadline_id, d.title, d.due_at, c.title as case_title, c.slug as case_slug, u.email, u.id as user_id,
              case when d.due_at <= $1::timestamptz + interval '1 day' then '1d' else '3d' end as window
         from deadlines d
         join cases c on c.id = d.case_id
         join case_members m on m.case_id = d.case_id
         join users u on u.id = m.user_id and u.disabled_at is null
        where d.done_at is null and d.due_at > $1::timestamptz and d.due_at <= $1::timestamptz + interval '3 days'`,
      [now.toISOString()],
    );
    let queued = 0;
    for (const reminder of due) {
      const when = reminder.window === '1d' ? 'tomorrow' : 'in 3 days';
      const id = await this.mail.queue({
        to: reminder.email,
        subject: `[Habeas] Deadline ${when}: ${reminder.title}`,
        text:
          `Case: ${reminder.case_title}\nDeadline: ${reminder.title}\nDue: ${reminder.due_at.toISOString()}\n\n` +
          `Open the case in Habeas to see the details (/cases/${reminder.case_slug}).`,
        dedupeKey: `deadline-reminder:${reminder.deadline_id}:${reminder.due_at.toISOString()}:${reminder.user_id}:${reminder.window}`,
      });
      if (id) queued++;
    }
    if (queued) this.logger.log({ queued }, 'deadline reminders queued');
    return queued;
  }
}
