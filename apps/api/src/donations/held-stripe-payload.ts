import type Stripe from 'stripe';
import { openText, sealText, type SealedAt } from '../common/crypto/field-cipher';

const at = (eventId: string): SealedAt => ({ table: 'stripe_event_issues', column: 'payload', row: eventId });

/**
 * A Stripe event held until it can be applied (`stripe_event_issues.payload`) names donors (email,
 * name, card country), so it is sealed like every other personal field, bound to its event's row; once
 * applied it is deleted. Payloads held before sealing are plain JSON text: still read, and sealed at start-up.
 */
export function holdPayload(event: Stripe.Event): string {
  return sealText(JSON.stringify(event), at(event.id))!;
}

export function heldPayload(stored: string, eventId: string): Stripe.Event {
  return JSON.parse(stored.startsWith('{') ? stored : openText(stored, at(eventId))!) as Stripe.Event;
}
