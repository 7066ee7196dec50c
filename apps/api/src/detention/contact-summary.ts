import type { ContactEvent } from '@habeas/contracts';

const kindName: Record<ContactEvent['kind'], string> = {
  visit: 'Lawyer visit',
  call: 'Call',
  letter: 'Letter',
  parcel: 'Parcel',
  money_transfer: 'Commissary money transfer',
};

const statusName: Record<ContactEvent['status'], string> = {
  requested: 'requested',
  held: 'held',
  refused: 'refused',
  sent: 'sent',
  delivered: 'delivered',
  not_delivered: 'not delivered',
  accepted: 'accepted',
  returned: 'returned',
};

/** One line that says what happened, e.g. "Lawyer visit refused — quarantine (by the duty officer)". */
export function contactSummary(event: Pick<ContactEvent, 'kind' | 'status' | 'refusalReason' | 'refusedBy'>): string {
  let text = `${kindName[event.kind]} ${statusName[event.status]}`;
  if (event.refusalReason) text += ` — ${event.refusalReason}`;
  if (event.refusedBy) text += ` (by ${event.refusedBy})`;
  return text;
}

/** The same line as SQL over contact_events `e`, for the timeline. */
export const contactSummarySql = `(case e.kind when 'visit' then 'Lawyer visit' when 'call' then 'Call' when 'letter' then 'Letter'
  when 'parcel' then 'Parcel' else 'Commissary money transfer' end) || ' ' || replace(e.status, '_', ' ')
  || coalesce(' — ' || e.refusal_reason, '')`;
