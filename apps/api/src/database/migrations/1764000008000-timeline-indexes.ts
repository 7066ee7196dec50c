import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Found by `npm run bench`: timeline pages and the dashboard's recent activity read every source by time,
 * per case and across cases; the public campaign's supporters list scanned a case's anonymous donations.
 */
export class TimelineIndexes1764000008000 implements MigrationInterface {
  name = 'TimelineIndexes1764000008000';

  async up(db: QueryRunner): Promise<void> {
    const indexes = [
      `create index medical_incidents_at_idx on medical_incidents (occurred_at)`,
      `create index medical_alerts_case_opened_idx on medical_alerts (case_id, opened_at)`,
      `create index medical_alerts_opened_idx on medical_alerts (opened_at)`,
      `create index hearings_scheduled_idx on hearings (scheduled_at)`,
      `create index deadlines_due_idx on deadlines (due_at)`,
      `create index custody_events_at_idx on custody_events (occurred_at)`,
      `create index documents_case_filed_idx on documents (case_id, filed_at) where filed_at is not null`,
      `create index documents_filed_idx on documents (filed_at) where filed_at is not null`,
      `create index contact_events_at_idx on contact_events (occurred_at)`,
      `create index money_milestones_case_at_idx on money_milestones (case_id, at)`,
      `create index money_milestones_at_idx on money_milestones (at)`,
      `create index donations_supporters_idx on donations (case_id, paid_at desc, id desc) where donor_id is not null and paid_at is not null`,
    ];
    for (const sql of indexes) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of [
      'medical_incidents_at_idx',
      'medical_alerts_case_opened_idx',
      'medical_alerts_opened_idx',
      'hearings_scheduled_idx',
      'deadlines_due_idx',
      'custody_events_at_idx',
      'documents_case_filed_idx',
      'documents_filed_idx',
      'contact_events_at_idx',
      'money_milestones_case_at_idx',
      'money_milestones_at_idx',
      'donations_supporters_idx',
    ]) {
      await db.query(`drop index ${name}`);
    }
  }
}
