import type { AlertChannel, AlertNotification } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Rota, RotaShift } from './on-call-rules';

export interface PolicyRow {
  id: string;
  case_id: string | null;
  escalate_after_minutes: number;
  time_zone: string;
}

export interface OverrideRow {
  id: string;
  user_id: string;
  user_name: string | null;
  starts_at: Date;
  ends_at: Date;
}

export interface NewAttempt {
  alertId: string | null;
  recipientId: string;
  channel: AlertChannel;
  target: string;
  step: number;
  attempt: number;
  status: AlertNotification['status'];
  error?: string | null;
}

/** The SQL of on-call policies (rota, overrides), escalation steps taken, and delivery attempts. */
@Injectable()
export class OnCallRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The case's own policy, else the team-wide one (`caseId` null asks for the team-wide one only). */
  async policyFor(caseId: string | null): Promise<PolicyRow | undefined> {
    const rows: PolicyRow[] = await this.db.query(
      `select id, case_id, escalate_after_minutes, time_zone from on_call_policies
        where case_id = $1 or case_id is null order by case_id is null limit 1`,
      [caseId],
    );
    return rows[0];
  }

  async rotaOf(policy: PolicyRow): Promise<Rota> {
    const shifts: Array<{ user_id: string; weekday: number; start_minute: number; end_minute: number }> = await this.db.query(
      `select user_id, weekday, start_minute, end_minute from on_call_shifts where policy_id = $1 order by position`,
      [policy.id],
    );
    const overrides = await this.overridesOf(policy.id);
    return {
      timeZone: policy.time_zone,
      shifts: shifts.map((s): RotaShift => ({ userId: s.user_id, weekday: s.weekday, startMinute: s.start_minute, endMinute: s.end_minute })),
      overrides: overrides.map((o) => ({ userId: o.user_id, startsAt: o.starts_at, endsAt: o.ends_at })),
    };
  }

  /** Overrides not yet over, soonest first. */
  overridesOf(policyId: string): Promise<OverrideRow[]> {
    return this.db.query(
      `select o.id, o.user_id, u.name as user_name, o.starts_at, o.ends_at from on_call_overrides o left join users u on u.id = o.user_id
        where o.policy_id = $1 and o.ends_at > now() order by o.starts_at, o.id`,
      [policyId],
    );
  }

  /** Replaces the policy of `caseId` (null: team-wide) and its weekly rota; overrides stay. One transaction. */
  async savePolicy(caseId: string | null, minutes: number, shifts: RotaShift[], tx: EntityManager): Promise<string> {
    const existing: Array<{ id: string }> = await tx.query(
      `select id from on_call_policies where ${caseId ? 'case_id = $1' : 'case_id is null'} for update`,
      caseId ? [caseId] : [],
    );
    let id = existing[0]?.id;
    if (id) await tx.query(`update on_call_policies set escalate_after_minutes = $2, updated_at = now() where id = $1`, [id, minutes]);
    else
      id = (
        (await tx.query(`insert into on_call_policies (case_id, escalate_after_minutes) values ($1, $2) returning id`, [caseId, minutes])) as Array<{
          id: string;
        }>
      )[0].id;
    await tx.query(`delete from on_call_shifts where policy_id = $1`, [id]);
    for (const [position, shift] of shifts.entries()) {
      await tx.query(`insert into on_call_shifts (policy_id, user_id, weekday, start_minute, end_minute, position) values ($1, $2, $3, $4, $5, $6)`, [
        id,
        shift.userId,
        shift.weekday,
        shift.startMinute,
        shift.endMinute,
        position,
      ]);
    }
    return id;
  }

  async addOverride(policyId: string, userId: string, startsAt: string, endsAt: string, createdBy: string, tx: EntityManager): Promise<string> {
    const rows: Array<{ id: string }> = await tx.query(
      `insert into on_call_overrides (policy_id, user_id, starts_at, ends_at, created_by) values ($1, $2, $3, $4, $5) returning id`,
      [policyId, userId, startsAt, endsAt, createdBy],
    );
    return rows[0].id;
  }

  async overrideById(id: string): Promise<{ id: string; case_id: string | null } | undefined> {
    const rows: Array<{ id: string; case_id: string | null }> = await this.db.query(
      `select o.id, p.case_id from on_call_overrides o join on_call_policies p on p.id = o.policy_id where o.id = $1`,
      [id],
    );
    return rows[0];
  }

  async deleteOverride(id: string, tx: EntityManager): Promise<void> {
    await tx.query(`delete from on_call_overrides where id = $1`, [id]);
  }

  /** Active users who may work alerts of the case: its medical staff and all admins (the rota's candidates too). */
  async alertWorkers(caseId: string | null): Promise<Array<{ id: string; name: string; role: string; admin: boolean }>> {
    return this.db.query(
      `select u.id, u.name, u.role, u.role = 'admin' as admin from users u
        where u.disabled_at is null and (u.role = 'admin'
           or (u.role = 'medical' and ($1::uuid is null or exists (select 1 from case_members m where m.case_id = $1 and m.user_id = u.id))))
        order by u.role = 'admin', u.name, u.id`,
      [caseId],
    );
  }

  /** Claims an escalation step of an alert: true for exactly one caller across instances. */
  async claimStep(alertId: string, step: number, recipients: string[]): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `insert into alert_escalation_steps (alert_id, step, recipients) values ($1, $2, $3) on conflict do nothing returning step`,
      [alertId, step, recipients],
    );
    return rows.length > 0;
  }

  async recordAttempt(attempt: NewAttempt): Promise<AlertNotification> {
    const rows: Array<{ at: Date }> = await this.db.query(
      `insert into alert_notifications (alert_id, recipient_id, channel, target, step, attempt, status, error)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning at`,
      [
        attempt.alertId,
        attempt.recipientId,
        attempt.channel,
        attempt.target,
        attempt.step,
        attempt.attempt,
        attempt.status,
        attempt.error?.slice(0, 300) ?? null,
      ],
    );
    return {
      channel: attempt.channel,
      recipientId: attempt.recipientId,
      recipientName: null,
      at: rows[0].at.toISOString(),
      status: attempt.status,
      step: attempt.step,
      attempt: attempt.attempt,
    };
  }

  async notificationsOf(alertId: string): Promise<AlertNotification[]> {
    const rows: Array<{
      channel: AlertChannel;
      recipient_id: string;
      name: string | null;
      at: Date;
      status: AlertNotification['status'];
      step: number;
      attempt: number;
    }> = await this.db.query(
      `select n.channel, n.recipient_id, u.name, n.at, n.status, n.step, n.attempt from alert_notifications n left join users u on u.id = n.recipient_id
          where n.alert_id = $1 order by n.at, n.id`,
      [alertId],
    );
    return rows.map((row) => ({
      channel: row.channel,
      recipientId: row.recipient_id,
      recipientName: row.name,
      at: row.at.toISOString(),
      status: row.status,
      step: row.step,
      attempt: row.attempt,
    }));
  }
}
