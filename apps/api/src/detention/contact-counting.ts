import { contactKinds, contactStatuses, type ContactKind, type ContactStatus } from '@habeas/contracts';

type LetterDirection = 'to_detainee' | 'from_detainee';

export interface CountedContact {
  kind: ContactKind;
  status: ContactStatus;
  direction: LetterDirection | null;
}

/**
 * Whether an event is contact with the person inside, for the "no contact" watch: a held visit or call, a
 * delivered letter, or a letter from him (unless it never arrived). Refusals, requests and parcels are not.
 */
export function countsAsContact(event: CountedContact): boolean {
  if (event.kind === 'visit' || event.kind === 'call') return event.status === 'held';
  if (event.kind === 'letter') return event.status === 'delivered' || (event.direction === 'from_detainee' && event.status !== 'not_delivered');
  return false;
}

const directions: Array<LetterDirection | null> = ['to_detainee', 'from_detainee', null];

/**
 * The same rule as a condition on `contact_events e`, written out from `countsAsContact` over every kind, status
 * and direction the table allows, so the watch's SQL and the rule cannot disagree.
 */
export const COUNTS_AS_CONTACT_SQL = `(e.kind, e.status, coalesce(e.direction, '')) in (${contactKinds
  .flatMap((kind) => contactStatuses.flatMap((status) => directions.map((direction) => ({ kind, status, direction }))))
  .filter(countsAsContact)
  .map((event) => `('${event.kind}', '${event.status}', '${event.direction ?? ''}')`)
  .join(', ')})`;
