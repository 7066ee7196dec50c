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
      sql: () => `select h.case_id, h.scheduled_at as at, 'hearing' as event,
          jsonb_build_object('kind', h.kind, 'court', nullif(h.court, ''), 'outcome', h.outcome) as params, h.id::text as ref
        from hearings h`,
    });
    this.timeline.register({
      type: 'deadline',
      capability: 'cases:read',
      sql: () => `select d.case_id, d.due_at as at, 'deadline' as event,
          jsonb_build_object('title', d.title, 'done', d.done_at is not null) as params, d.id::text as ref from deadlines d`,
    });
    this.timeline.register({
      type: 'custody',
      capability: 'cases:read',
      sql: () => `select e.case_id, e.occurred_at as at, 'custody' as event,
          jsonb_build_object('kind', e.kind, 'facility', f.name, 'until', to_char(e.detained_until, 'YYYY-MM-DD')) as params, e.id::text as ref
        from custody_events e left join facilities f on f.id = e.facility_id`,
    });
  }
}
