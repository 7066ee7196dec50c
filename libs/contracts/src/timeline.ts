import { z } from 'zod';
import { isoDateTime, page, pageQuery } from './common';

/** Everything that can appear on a case's timeline; each area contributes its own types. */
export const timelineItemTypes = ['hearing', 'deadline', 'custody', 'filing', 'medical_incident', 'medical_alert', 'money', 'contact', 'legal_action'] as const;
export const timelineItemType = z.enum(timelineItemTypes);
export type TimelineItemType = z.infer<typeof timelineItemType>;

export const timelineItem = z.object({
  type: timelineItemType,
  at: isoDateTime,
  /** The item told in the reader's language (their language setting); screens tell `event` + `params` themselves. */
  title: z.string(),
  /** What happened, as a key of the event catalog (`hearing`, `money.goal`, `legal_action.proposed`, …). */
  event: z.string(),
  /** The event's parameters: enum values, names and dates as data, never pre-written sentences. */
  params: z.record(z.string(), z.unknown()),
  /** The id of the hearing, document, incident, … the item stands for. */
  ref: z.string(),
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const timelineQuery = pageQuery.extend({
  /** Comma-separated types to keep, e.g. `hearing,filing`; all types when absent. */
  types: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const parts = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      const unknown = parts.filter((part) => !(timelineItemTypes as readonly string[]).includes(part));
      if (unknown.length) {
        context.addIssue({ code: 'custom', message: `unknown type ${unknown.join(', ')}; one of ${timelineItemTypes.join(', ')}` });
        return z.NEVER;
      }
      return parts as TimelineItemType[];
    }),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const timelinePage = page(timelineItem);
