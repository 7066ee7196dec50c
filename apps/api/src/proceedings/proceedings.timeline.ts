import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';

/** Puts hearings, deadlines and custody events on the case timeline. */
@Injectable()
export class ProceedingsTimeline implements OnModuleInit {
  constructor(private readonly timeline: TimelineRegistry) {}

  onModuleInit(): void {
    this.timeline.register({
      type: 'hearing',
      capability: 'cases:read',
      sql: () => `select h.case_id, h.scheduled_at as at,
          initcap(replace(h.kind, '_', ' ')) || ' hearing' || case when h.court <> '' then ', ' || h.court else '' end
            || case when h.outcome is not null then ': ' || h.outcome else '' end as title,
          h.id::text as ref
        from hearings h`,
    });
    this.timeline.register({
      type: 'deadline',
      capability: 'cases:read',
      sql: () => `select d.case_id, d.due_at as at, 'Deadline: ' || d.title || case when d.done_at is not null then ' (done)' else '' end as title,
          d.id::text as ref from deadlines d`,
    });
    this.timeline.register({
      type: 'custody',
      capability: 'cases:read',
      sql: () => `select e.case_id, e.occurred_at as at,
          initcap(replace(e.kind, '_', ' ')) || coalesce(': ' || f.name, '')
            || coalesce(', detained until ' || to_char(e.detained_until, 'YYYY-MM-DD'), '') as title,
          e.id::text as ref
        from custody_events e left join facilities f on f.id = e.facility_id`,
    });
  }
}
