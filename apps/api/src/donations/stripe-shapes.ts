/**
 * Reads what the app needs from Stripe objects in every shape Stripe sends them. Webhook payloads come in the
 * API version of the endpoint (or the account's default), not the version the SDK pins, so an invoice may be
 * pre-`2025-03-31.basil` (`subscription`, `payment_intent`, `charge` at the top level) or basil and later
 * (`parent.subscription_details`, `payments.data[].payment`).
 */

type Ref = string | { id: string } | null | undefined;

export const idOf = (value: Ref): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : value.id);

/** The loose shape of an invoice across API versions (only the fields read here). */
export interface AnyInvoice {
  id: string;
  currency?: string | null;
  amount_paid?: number | null;
  amount_due?: number | null;
  status?: string | null;
  created?: number;
  subscription?: Ref;
  subscription_details?: { metadata?: Record<string, string> | null } | null;
  payment_intent?: Ref;
  charge?: Ref;
  customer?: Ref;
  customer_email?: string | null;
  hosted_invoice_url?: string | null;
  attempt_count?: number | null;
  next_payment_attempt?: number | null;
  status_transitions?: { paid_at?: number | null } | null;
  parent?: {
    type?: string;
    subscription_details?: { subscription?: Ref; metadata?: Record<string, string> | null } | null;
  } | null;
  payments?: {
    data?: Array<{
      status?: string;
      is_default?: boolean;
      amount_paid?: number | null;
      payment?: { type?: string; payment_intent?: Ref; charge?: Ref } | null;
      payment_intent?: Ref;
      charge?: Ref;
    }>;
  } | null;
  lines?: {
    data?: Array<{
      subscription?: Ref;
      metadata?: Record<string, string> | null;
      parent?: { subscription_item_details?: { subscription?: Ref } | null } | null;
    }>;
  } | null;
}

export interface InvoiceFacts {
  subscription: string | null;
  /** Our donation id, from the subscription's metadata when Stripe copied it onto the invoice. */
  donationHint: string | null;
  /** The PaymentIntent, else the charge: what refunds and disputes of this month name. */
  paymentRef: string | null;
  amountPaid: number;
  currency: string | null;
  paidAt: number | null;
}

export function invoiceFacts(invoice: AnyInvoice): InvoiceFacts {
  const lines = invoice.lines?.data ?? [];
  const subscription =
    idOf(invoice.subscription) ??
    idOf(invoice.parent?.subscription_details?.subscription) ??
    lines.map((line) => idOf(line.subscription) ?? idOf(line.parent?.subscription_item_details?.subscription)).find(Boolean) ??
    null;
  const metadata =
    invoice.subscription_details?.metadata ?? invoice.parent?.subscription_details?.metadata ?? lines.find((line) => line.metadata?.donation)?.metadata ?? {};
  const payments = invoice.payments?.data ?? [];
  const paid = payments.find((p) => p.status === 'paid') ?? payments.find((p) => p.is_default) ?? payments[0];
  const paymentRef =
    idOf(invoice.payment_intent) ??
    idOf(invoice.charge) ??
    (paid ? (idOf(paid.payment?.payment_intent) ?? idOf(paid.payment_intent) ?? idOf(paid.payment?.charge) ?? idOf(paid.charge)) : null);
  return {
    subscription,
    donationHint: metadata?.donation ?? null,
    paymentRef,
    amountPaid: invoice.amount_paid ?? 0,
    currency: invoice.currency ? invoice.currency.toUpperCase() : null,
    paidAt: invoice.status_transitions?.paid_at ?? null,
  };
}

/** Fills what a payload lacks from the same invoice fetched with the pinned API version; the payload wins where it has a value. */
export function withFetchedInvoice(payload: AnyInvoice, fetched: AnyInvoice): AnyInvoice {
  const facts = invoiceFacts(payload);
  const more = invoiceFacts(fetched);
  return {
    ...payload,
    subscription: facts.subscription ?? more.subscription,
    payment_intent: facts.paymentRef ?? more.paymentRef,
    subscription_details: {
      metadata: { ...(more.donationHint ? { donation: more.donationHint } : {}), ...(facts.donationHint ? { donation: facts.donationHint } : {}) },
    },
    amount_paid: payload.amount_paid ?? fetched.amount_paid,
    currency: payload.currency ?? fetched.currency,
  };
}
