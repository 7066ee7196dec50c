import type { Role, TimelineItemType } from '@habeas/contracts';
import type { Capability } from '@habeas/contracts';

/** What a source may need to know about the reader to decide what to show. */
export interface TimelineReader {
  role: Role;
  /** May see privileged documents of this case (lawyers of the case, admins). */
  privileged: boolean;
}

/**
 * One area's contribution to the case timeline. `sql` selects rows with exactly the columns
 * `case_id uuid, at timestamptz, event text, params jsonb, ref text` for all cases: `event` is a key of the
 * event catalog (libs/contracts event-texts) and `params` its parameters, so each reader gets the item in their
 * own language. The timeline adds the case filter, ordering and paging around it, so sources stay one small SELECT each.
 */
export interface TimelineSource {
  type: TimelineItemType;
  /** Only readers whose role has this capability get these items (finance never sees medical ones). */
  capability: Capability;
  sql(reader: TimelineReader): string;
}
