import type { OnCallOverrideRequest, OnCallPolicy, OnCallPolicyRequest } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseAccess } from '../cases/case-access.service';
import type { Actor } from '../common/auth/actor';
import { DomainError, NotFound } from '../common/http/domain-error';
import { clockToMinutes, minutesToClock, onDutyAt } from './on-call-rules';
import { OnCallRepository } from './on-call.repository';

/** The on-call policies (admins edit them): a weekly rota with overrides and the minutes before the next step. */
@Injectable()
export class OnCallService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly onCall: OnCallRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for a case (its own, else the team-wide one), or for the team (no case). */
  async policy(actor: Actor, caseId: string | null): Promise<OnCallPolicy> {
    if (caseId) await this.access.assertCase(actor, caseId, 'oncall:manage');
    const candidates = (await this.onCall.alertWorkers(caseId)).map(({ id, name, role }) => ({ id, name, role }));
    const policy = await this.onCall.policyFor(caseId);
    if (!policy) return { caseId, own: false, escalateAfterMinutes: 15, timeZone: 'Europe/Moscow', shifts: [], overrides: [], onDutyNow: null, candidates };
    const rota = await this.onCall.rotaOf(policy);
    const overrides = await this.onCall.overridesOf(policy.id);
    return {
      caseId,
      own: policy.case_id === caseId,
      escalateAfterMinutes: policy.escalate_after_minutes,
      timeZone: policy.time_zone,
      shifts: rota.shifts.map((s) => ({ userId: s.userId, weekday: s.weekday, start: minutesToClock(s.startMinute), end: minutesToClock(s.endMinute) })),
      overrides: overrides.map((o) => ({
        id: o.id,
        userId: o.user_id,
        userName: o.user_name,
        startsAt: o.starts_at.toISOString(),
        endsAt: o.ends_at.toISOString(),
      })),
      onDutyNow: onDutyAt(rota, new Date()),
      candidates,
    };
  }

  async savePolicy(actor: Actor, request: OnCallPolicyRequest): Promise<OnCallPolicy> {
    if (request.caseId) await this.access.assertCase(actor, request.caseId, 'oncall:manage');
    await this.assertCandidates(
      request.caseId,
      request.shifts.map((s) => s.userId),
    );
    const shifts = request.shifts.map((s) => ({
      userId: s.userId,
      weekday: s.weekday,
      startMinute: clockToMinutes(s.start),
      endMinute: clockToMinutes(s.end, true),
    }));
    await this.db.transaction(async (tx) => {
      const id = await this.onCall.savePolicy(request.caseId, request.escalateAfterMinutes, shifts, tx);
      await this.audit.record(
        actor,
        { action: 'on_call.policy', entityType: 'on_call_policy', entityId: id, details: { caseId: request.caseId, shifts: shifts.length } },
        tx,
      );
    });
    return this.policy(actor, request.caseId);
  }

  async addOverride(actor: Actor, request: OnCallOverrideRequest): Promise<{ id: string }> {
    if (request.caseId) await this.access.assertCase(actor, request.caseId, 'oncall:manage');
    await this.assertCandidates(request.caseId, [request.userId]);
    const policy = await this.onCall.policyFor(request.caseId);
    if (!policy || policy.case_id !== request.caseId) throw new DomainError(409, 'Save a rota for this case (or the team) before adding an override');
    return this.db.transaction(async (tx) => {
      const id = await this.onCall.addOverride(policy.id, request.userId, request.startsAt, request.endsAt, actor.id, tx);
      await this.audit.record(actor, { action: 'on_call.override', entityType: 'on_call_policy', entityId: policy.id, details: { overrideId: id } }, tx);
      return { id };
    });
  }

  async removeOverride(actor: Actor, id: string): Promise<void> {
    const override = await this.onCall.overrideById(id);
    if (!override) throw new NotFound('Override');
    await this.db.transaction(async (tx) => {
      await this.onCall.deleteOverride(id, tx);
      await this.audit.record(actor, { action: 'on_call.override-removed', entityType: 'on_call_policy', entityId: id }, tx);
    });
  }

  private async assertCandidates(caseId: string | null, userIds: string[]): Promise<void> {
    const allowed = new Set((await this.onCall.alertWorkers(caseId)).map((w) => w.id));
    if (userIds.some((id) => !allowed.has(id))) {
      throw new DomainError(400, 'Only admins and the medical staff of the case (active users) can be on call');
    }
  }
}
