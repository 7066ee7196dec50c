import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';

/** Puts contact events and each step of a legal action (proposed, filed, decided) on the case timeline. */
@Injectable()
export class DetentionTimeline implements OnModuleInit {
  constructor(private readonly registry: TimelineRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      type: 'contact',
      capability: 'cases:read',
      sql: () => `select e.case_id, e.occurred_at as at, 'contact' as event,
          jsonb_build_object('kind', e.kind, 'status', e.status, 'reason', e.refusal_reason) as params, e.id as ref from contact_events e`,
    });
    // ref is the action's id; the trigger (incident or contact event) is named in the item so the chain reads both ways.
    this.registry.register({
      type: 'legal_action',
      capability: 'cases:read',
      sql: () => `
        select a.case_id, a.created_at as at, 'legal_action.proposed' as event,
               jsonb_build_object('step', a.step,
                 'incident', case when a.trigger->>'type' = 'medical_incident' then a.trigger->>'incidentType' end,
                 'contact', case when a.trigger->>'type' = 'contact' then a.trigger->>'kind' end,
                 'contactStatus', a.trigger->>'status') as params, a.id as ref
          from legal_actions a
        union all
        select a.case_id, a.filed_at, 'legal_action.filed', jsonb_build_object('step', a.step, 'documentId', a.document_id), a.id
          from legal_actions a where a.filed_at is not null
        union all
        select a.case_id, a.decided_at, 'legal_action.decided', jsonb_build_object('step', a.step, 'outcome', a.outcome), a.id
          from legal_actions a where a.decided_at is not null`,
    });
  }
}
