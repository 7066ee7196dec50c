import type { ContactEvent, IncidentType, LegalAction, LegalActionTrigger, TemplateLanguage } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { defaultActionTitle } from './default-templates';
import { LegalActionDrafts } from './legal-action-drafts';
import { LegalActionsRepository } from './legal-actions.repository';
import { proposeLegalSteps, type ProposedStep } from './legal-step-rules';
import { describeTrigger } from './trigger-text';

/** What the medical area tells us about an incident (never its encrypted description). */
export interface MedicalIncidentTrigger {
  caseId: string;
  /** Null only for demo incidents seeded without an id to point at. */
  incidentId: string | null;
  type: string;
  severity: 'low' | 'moderate' | 'high' | 'critical';
  occurredAt: Date | string;
  facility?: string | null;
}

const DAY = 24 * 3600 * 1000;

/**
 * The legal steps that incidents and contact events start: a card per step nobody proposed yet for this trigger;
 * a trigger whose step already has an open card is added to that card as "also because".
 */
@Injectable()
export class LegalActionProposals {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly actions: LegalActionsRepository,
    private readonly audit: AuditService,
    private readonly drafts: LegalActionDrafts,
  ) {}

  /** Called by the medical area when an incident is logged; proposes the legal steps it calls for (idempotent per incident and step). */
  async proposeForMedicalIncident(incident: MedicalIncidentTrigger, manager?: EntityManager): Promise<LegalAction[]> {
    const steps = proposeLegalSteps({ source: 'medical_incident', type: incident.type, severity: incident.severity });
    const trigger: LegalActionTrigger = {
      type: 'medical_incident',
      id: incident.incidentId,
      incidentType: incident.type as IncidentType,
      severity: incident.severity,
      occurredAt: new Date(incident.occurredAt).toISOString(),
      facility: incident.facility ?? null,
    };
    return this.proposeSteps(incident.caseId, steps, trigger, null, manager ?? this.db);
  }

  /** Called when a contact event is logged, in its transaction. */
  async proposeForContact(actor: Actor | null, input: { caseId: string; event: ContactEvent }, manager?: EntityManager): Promise<LegalAction[]> {
    const { event } = input;
    const steps = proposeLegalSteps({ source: 'contact', kind: event.kind, status: event.status });
    const trigger: LegalActionTrigger = {
      type: 'contact',
      id: event.id,
      kind: event.kind,
      status: event.status,
      occurredAt: new Date(event.occurredAt).toISOString(),
      facility: event.facility,
      refusalReason: event.refusalReason,
      refusedBy: event.refusedBy,
    };
    return this.proposeSteps(input.caseId, steps, trigger, actor, manager ?? this.db);
  }

  /** New cards for steps nobody proposed yet; an open card of the same step gets the trigger as "also because". */
  private async proposeSteps(
    caseId: string,
    steps: ProposedStep[],
    trigger: LegalActionTrigger,
    actor: Actor | null,
    db: DataSource | EntityManager,
  ): Promise<LegalAction[]> {
    if (steps.length === 0) return [];
    const ownerId = actor?.role === 'lawyer' ? actor.id : await this.actions.leadLawyerOf(caseId, db);
    const touched: string[] = [];
    const auditActor = actor ?? { actorId: null, ip: null };
    const manager = db instanceof EntityManager ? db : undefined;
    for (const proposed of steps) {
      if (trigger.id && (await this.actions.wasProposedFor(trigger.type, trigger.id, proposed.step, db))) continue;
      const open = await this.actions.findOpen(caseId, proposed.step, db);
      if (open) {
        await this.actions.addAlsoBecause(open.id, trigger, db);
        touched.push(open.id);
        await this.audit.record(
          auditActor,
          {
            action: 'legal_action.also_because',
            entityType: 'legal_action',
            entityId: open.id,
            details: { caseId, triggerType: trigger.type, triggerId: trigger.id ?? null },
          },
          manager,
        );
        continue;
      }
      const language: TemplateLanguage = 'ru';
      const deadlineAt = new Date(new Date(trigger.occurredAt).getTime() + proposed.deadlineDays * DAY);
      const draft = await this.drafts.fill({ caseId, step: proposed.step, language, deadlineAt, ownerId, trigger }, db);
      const id = await this.actions.insert(
        {
          caseId,
          step: proposed.step,
          status: 'proposed',
          title: defaultActionTitle(proposed.step, language),
          language,
          draftText: draft.text,
          missingFields: draft.missing,
          deadlineAt,
          ownerId,
          trigger,
          triggerSummary: describeTrigger(trigger, language, draft.timeZone),
          createdBy: actor?.id ?? null,
        },
        db,
      );
      if (!id) continue;
      touched.push(id);
      await this.audit.record(
        auditActor,
        {
          action: 'legal_action.propose',
          entityType: 'legal_action',
          entityId: id,
          details: { caseId, step: proposed.step, triggerType: trigger.type, triggerId: trigger.id ?? null },
        },
        manager,
      );
    }
    if (touched.length === 0) return [];
    return (await this.actions.findByIds(touched, db)).map((row) => this.drafts.toAction(row));
  }
}
