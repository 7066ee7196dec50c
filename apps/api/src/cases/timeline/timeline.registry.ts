import { Injectable } from '@nestjs/common';
import type { TimelineSource } from './timeline-source';

/**
 * The one place areas plug their items into the case timeline: a module calls
 * `register()` from its constructor or `onModuleInit`, and the timeline query picks it up.
 */
@Injectable()
export class TimelineRegistry {
  private readonly sources: TimelineSource[] = [];

  register(source: TimelineSource): void {
    if (this.sources.some((existing) => existing.type === source.type)) throw new Error(`timeline source ${source.type} registered twice`);
    this.sources.push(source);
  }

  all(): readonly TimelineSource[] {
    return this.sources;
  }
}
