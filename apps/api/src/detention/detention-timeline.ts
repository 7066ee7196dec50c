import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';
import { contactSummarySql } from './contact-summary';

/** Puts contact events and each step of a legal action (proposed, filed, decided) on the case timeline. */
@Injectable()
export class DetentionTimeline implements OnModuleInit {
  constructor(private readonly registry: TimelineRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      type: 'contact',
      capability: 'cases:read',
      sql: () => `select e.case_id, e.occurred_at as at, ${contactSummarySql} as title, e.id as ref from contact_events e`,
    });
    // ref is the action's id; the trigger (incident or contact event) is named in the title so the chain reads both ways.
    this.registry.register({
      type: 'legal_action',
      capability: 'cases:read',
      sql: () => `
        select a.case_id, a.created_at as at, 'Proposed: ' || a.title || coalesce(' — after ' || a.trigger_summary, '') as title, a.id as ref from legal_actions a
        union all
        select a.case_id, a.filed_at, 'Filed: ' || a.title || coalesce(' (document ' || a.document_id || ')', ''), a.id from legal_actions a where a.filed_at is not null
        union all
        select a.case_id, a.decided_at, 'Decided: ' || a.title || coalesce(' — ' || a.outcome, ''), a.id from legal_actions a where a.decided_at is not null`,
    });
  }
}
