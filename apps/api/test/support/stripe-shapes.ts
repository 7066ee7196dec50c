import { event, tick, uid } from './stripe-events';

/**
 * Stripe payloads in the shapes of each API version (acacia and basil invoices, payment intents with fees,
 * disputes and payouts) for `stripe-shapes.e2e`; the everyday events live in `stripe-events.ts`.
 */
export const BASIL = '2025-03-31.basil';

export interface InvoiceSpec {
  subscription: string;
  paymentIntent: string | null;
  amount: number;
  currency?: string;
  donation?: string;
  /** Basil payloads carry `payments` only when the endpoint expands it; by default it is absent. */
  withPayments?: boolean;
  status?: 'paid' | 'open';
}

/**
 * An invoice as API version 2025-03-31.basil and later render it: no `subscription`, `subscription_details`,
 * `payment_intent` or `charge` at the top level; the subscription under `parent.subscription_details` and on each
 * line's `parent.subscription_item_details`; the payment under `payments.data[].payment`.
 */
export function basilInvoice(spec: InvoiceSpec): Record<string, unknown> {
  const id = uid('in');
  const paid = spec.status !== 'open';
  const now = tick();
  const currency = (spec.currency ?? 'eur').toLowerCase();
  return {
    id,
    object: 'invoice',
    account_country: 'DE',
    amount_due: spec.amount,
    amount_overpaid: 0,
    amount_paid: paid ? spec.amount : 0,
    amount_remaining: paid ? 0 : spec.amount,
    attempt_count: 1,
    attempted: true,
    billing_reason: 'subscription_cycle',
    collection_method: 'charge_automatically',
    created: now,
    currency,
    customer: uid('cus'),
    customer_email: null,
    hosted_invoice_url: `https://invoice.stripe.com/i/acct_test/${id}`,
    livemode: false,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: spec.donation ? { donation: spec.donation, campaign: 'vorontsov' } : {}, subscription: spec.subscription },
    },
    lines: {
      object: 'list',
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
      data: [
        {
          id: uid('il'),
          object: 'line_item',
          amount: spec.amount,
          currency,
          metadata: {},
          parent: {
            type: 'subscription_item_details',
            invoice_item_details: null,
            subscription_item_details: {
              invoice_item: null,
              proration: false,
              proration_details: { credited_items: null },
              subscription: spec.subscription,
              subscription_item: uid('si'),
            },
          },
          pricing: { type: 'price_details', price_details: { price: uid('price'), product: uid('prod') }, unit_amount_decimal: String(spec.amount) },
          quantity: 1,
        },
      ],
    },
    ...(spec.withPayments
      ? {
          payments: {
            object: 'list',
            has_more: false,
            url: '/v1/invoice_payments',
            data: [
              {
                id: uid('inpay'),
                object: 'invoice_payment',
                amount_paid: paid ? spec.amount : null,
                amount_requested: spec.amount,
                created: now,
                currency,
                invoice: id,
                is_default: true,
                livemode: false,
                payment: { type: 'payment_intent', payment_intent: spec.paymentIntent },
                status: paid ? 'paid' : 'open',
                status_transitions: { canceled_at: null, paid_at: paid ? now : null },
              },
            ],
          },
        }
      : {}),
    status: spec.status ?? 'paid',
    status_transitions: { finalized_at: now, marked_uncollectible_at: null, paid_at: paid ? now : null, voided_at: null },
    subtotal: spec.amount,
    total: spec.amount,
  };
}

/** The same invoice as the SDK's pinned version (2025-02-24.acacia) renders it when fetched. */
export function acaciaInvoice(spec: InvoiceSpec & { id: string }): { id: string } & Record<string, unknown> {
  const now = tick();
  return {
    id: spec.id,
    object: 'invoice',
    amount_paid: spec.status === 'open' ? 0 : spec.amount,
    currency: (spec.currency ?? 'eur').toLowerCase(),
    subscription: spec.subscription,
    subscription_details: { metadata: spec.donation ? { donation: spec.donation } : {} },
    payment_intent: spec.paymentIntent,
    charge: uid('ch'),
    status: spec.status ?? 'paid',
    created: now,
    status_transitions: { paid_at: now },
    lines: { object: 'list', data: [] },
  };
}

/** A PaymentIntent with its charge's balance transaction expanded (what the fee look-up asks for). */
export function paymentIntentWithFee(id: string, amount: number, fee: number, currency = 'eur'): Record<string, unknown> {
  return {
    id,
    object: 'payment_intent',
    amount,
    currency,
    status: 'succeeded',
    latest_charge: {
      id: uid('ch'),
      object: 'charge',
      amount,
      currency,
      payment_intent: id,
      balance_transaction: { id: uid('txn'), object: 'balance_transaction', amount, fee, net: amount - fee, currency, type: 'charge', status: 'pending' },
    },
  };
}

export const shapes = {
  invoicePaidBasil: (spec: InvoiceSpec) => event('invoice.paid', basilInvoice(spec), BASIL),
  invoicePaymentFailedBasil: (spec: InvoiceSpec) => event('invoice.payment_failed', basilInvoice({ ...spec, status: 'open' }), BASIL),
  invoicePaymentFailed: (subscription: string) =>
    event('invoice.payment_failed', {
      id: uid('in'),
      object: 'invoice',
      subscription,
      payment_intent: uid('pi'),
      amount_paid: 0,
      amount_due: 1500,
      currency: 'eur',
      status: 'open',
      attempt_count: 1,
      hosted_invoice_url: 'https://invoice.stripe.com/i/acct_test/in_failed',
      subscription_details: { metadata: {} },
      lines: { data: [] },
    }),
  /** Before subscription_details existed (API versions before 2022-11-15), the subscription's metadata was only on the lines. */
  invoicePaidLinesOnly: (subscription: string, paymentIntent: string, amount: number, donation: string) =>
    event(
      'invoice.paid',
      {
        id: uid('in'),
        object: 'invoice',
        subscription,
        payment_intent: paymentIntent,
        charge: uid('ch'),
        amount_paid: amount,
        currency: 'eur',
        status: 'paid',
        status_transitions: { paid_at: tick() },
        lines: { object: 'list', data: [{ id: uid('il'), object: 'line_item', subscription, metadata: { donation }, type: 'subscription' }] },
      },
      '2020-08-27',
    ),
  chargeRefundedWithoutIntent: (chargeId: string, amount: number, amountRefunded: number) =>
    event('charge.refunded', {
      id: chargeId,
      object: 'charge',
      payment_intent: null,
      amount,
      amount_refunded: amountRefunded,
      refunded: amountRefunded >= amount,
      currency: 'eur',
    }),
  disputeInquiry: (disputeId: string, paymentIntent: string, amount: number) =>
    event('charge.dispute.created', {
      id: disputeId,
      object: 'dispute',
      payment_intent: paymentIntent,
      charge: uid('ch'),
      amount,
      status: 'warning_needs_response',
    }),
  disputeFunds: (type: 'funds_withdrawn' | 'funds_reinstated', disputeId: string, paymentIntent: string, amount: number) =>
    event(
      `charge.dispute.${type}`,
      { id: disputeId, object: 'dispute', payment_intent: paymentIntent, charge: uid('ch'), amount, status: 'under_review' },
      BASIL,
    ),
  payout: (type: 'payout.paid' | 'payout.failed', id: string, amount: number, currency = 'eur') =>
    event(type, { id, object: 'payout', amount, currency, arrival_date: tick(), status: type === 'payout.paid' ? 'paid' : 'failed' }, BASIL),
};
