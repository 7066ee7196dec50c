import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimelineRegistry } from '../cases/timeline/timeline.registry';

/** Filings on the case timeline: documents with a filing date; privileged ones only for readers who may see them. */
@Injectable()
export class DocumentsTimeline implements OnModuleInit {
  constructor(private readonly registry: TimelineRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      type: 'filing',
      capability: 'documents:read',
      sql: (reader) =>
        `select d.case_id, d.filed_at as at, 'filing' as event, jsonb_build_object('title', d.title) as params, d.id::text as ref from documents d
          where d.filed_at is not null${reader.privileged ? '' : ' and not d.privileged'}`,
    });
  }
}
