import type Stripe from 'stripe';
import { openText, sealText } from './donor-identity';

/**
 * A Stripe event held until it can be applied (`stripe_event_issues.payload`) names donors (email,
 * name, card country), so it is sealed like every other personal field; once applied it is deleted.
 * Payloads held before sealing are plain JSON text: still read, and sealed at start-up.
 */
export function holdPayload(event: Stripe.Event): string {
  return sealText(JSON.stringify(event))!;
}

export function heldPayload(stored: string): Stripe.Event {
  return JSON.parse(stored.startsWith('{') ? stored : openText(stored)!) as Stripe.Event;
}
