import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export const WEBHOOK_SECRET = 'whsec_test_secret_for_habeas';

let clock = Math.floor(Date.now() / 1000) - 3600;
/** The next Stripe timestamp: every fixture ticks one second later than the one before. */
export const tick = () => clock++;
const uid = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export function event(type: string, object: object, apiVersion = '2025-02-24.acacia'): Stripe.Event {
  return {
    id: uid('evt'),
    object: 'event',
    type,
    created: clock++,
    data: { object },
    api_version: apiVersion,
    livemode: false,
    pending_webhooks: 1,
    request: null,
  } as unknown as Stripe.Event;
}

/** Signs like Stripe does, with the SDK's own test helper. */
export function signed(e: object, secret = WEBHOOK_SECRET): { payload: string; header: string } {
  const payload = JSON.stringify(e);
  return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
}

export async function deliver(baseUrl: string, e: object, secret = WEBHOOK_SECRET): Promise<{ status: number; body: any }> {
  const { payload, header } = signed(e, secret);
  const response = await fetch(`${baseUrl}/api/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export interface SessionSpec {
  id?: string;
  reference?: string | null;
  campaign?: string;
  amount: number;
  currency?: string;
  paymentIntent?: string | null;
  mode?: 'payment' | 'subscription';
  subscription?: string | null;
  paid?: boolean;
  email?: string;
}

export function checkoutSession(spec: SessionSpec): Record<string, unknown> {
  return {
    id: spec.id ?? uid('cs_test'),
    object: 'checkout.session',
    client_reference_id: spec.reference ?? null,
    metadata: spec.campaign ? { campaign: spec.campaign } : {},
    amount_total: spec.amount,
    currency: (spec.currency ?? 'eur').toLowerCase(),
    mode: spec.mode ?? 'payment',
    payment_intent: spec.mode === 'subscription' ? null : (spec.paymentIntent ?? uid('pi')),
    subscription: spec.subscription ?? null,
    payment_status: spec.paid === false ? 'unpaid' : 'paid',
    status: 'complete',
    created: clock++,
    customer_details: spec.email ? { email: spec.email, name: null } : null,
  };
}

export const events = {
  sessionCompleted: (session: Record<string, unknown>) => event('checkout.session.completed', session),
  asyncSucceeded: (session: Record<string, unknown>) => event('checkout.session.async_payment_succeeded', { ...session, payment_status: 'paid' }),
  asyncFailed: (session: Record<string, unknown>) => event('checkout.session.async_payment_failed', { ...session, payment_status: 'unpaid' }),
  chargeRefunded: (paymentIntent: string, amount: number, amountRefunded: number) =>
    event('charge.refunded', {
      id: uid('ch'),
      object: 'charge',
      payment_intent: paymentIntent,
      amount,
      amount_refunded: amountRefunded,
      refunded: amountRefunded >= amount,
      currency: 'eur',
    }),
  disputeCreated: (disputeId: string, paymentIntent: string, amount: number) =>
    event('charge.dispute.created', { id: disputeId, object: 'dispute', payment_intent: paymentIntent, charge: uid('ch'), amount, status: 'needs_response' }),
  disputeClosed: (disputeId: string, paymentIntent: string, amount: number, status: 'won' | 'lost') =>
    event('charge.dispute.closed', { id: disputeId, object: 'dispute', payment_intent: paymentIntent, charge: uid('ch'), amount, status }),
  invoicePaid: (subscription: string, paymentIntent: string, amount: number, currency = 'eur', donation?: string) =>
    event('invoice.paid', {
      id: uid('in'),
      object: 'invoice',
      subscription,
      payment_intent: paymentIntent,
      amount_paid: amount,
      currency,
      status: 'paid',
      status_transitions: { paid_at: clock++ },
      subscription_details: { metadata: donation ? { donation } : {} },
      lines: { data: [] },
    }),
  subscriptionDeleted: (subscription: string, donation?: string) =>
    event('customer.subscription.deleted', {
      id: subscription,
      object: 'subscription',
      status: 'canceled',
      canceled_at: clock++,
      metadata: donation ? { donation } : {},
    }),
};

export { uid };

/** The environment of an app that talks to `stripeUrl` (a fake Stripe) and verifies webhooks signed by these helpers. */
export const stripeTestEnv = (stripeUrl: string): Record<string, string> => ({
  STRIPE_SECRET_KEY: 'sk_test_fake',
  STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  STRIPE_API_URL: stripeUrl,
  PUBLIC_URL: 'https://habeas.example',
});
