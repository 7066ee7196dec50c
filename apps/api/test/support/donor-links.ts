import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { OutboxMailEntity, openOutboxMail } from '../../src/mail/outbox-mail.entity';
import type { FakeStripe } from './fake-stripe';
import { checkoutSession, deliver, events, uid } from './stripe-events';
import type { TestApp } from './test-app';

export interface MailedLink {
  subject: string;
  body: string;
  /** The private link's token, as the donor gets it in the thank-you mail. */
  token: string;
  /** The receipt link of the mail, without the public host. */
  receiptPath: string;
}

/** The private link and receipt link from a donation's thank-you mail (the only place the token exists). */
export async function mailedLink(t: TestApp, donationId: string): Promise<MailedLink> {
  const row = await t.app
    .get(DataSource)
    .getRepository(OutboxMailEntity)
    .findOneBy({ dedupeKey: `donation-thanks:${donationId}` });
  const mail = row ? openOutboxMail(row) : null;
  assert.ok(mail?.body && mail.subject, 'a thank-you mail was queued');
  const token = /\/donor\/([A-Za-z0-9_-]{40,})/.exec(mail.body)?.[1];
  const receiptPath = /https?:\/\/[^/\s]+(\/api\/public\/donor-links\/\S+\/receipts\/\S+)/.exec(mail.body)?.[1];
  assert.ok(token && receiptPath, 'the mail carries the private link and the receipt link');
  return { subject: mail.subject, body: mail.body, token, receiptPath };
}

/** An active subscription at the fake Stripe, with one item whose price the app may replace. */
export function subscriptionAt(stripe: FakeStripe, id = uid('sub')): string {
  stripe.subscriptions[id] = {
    id,
    object: 'subscription',
    status: 'active',
    items: { object: 'list', data: [{ id: uid('si'), object: 'subscription_item', price: { id: uid('price'), product: uid('prod'), currency: 'eur' } }] },
  };
  return id;
}

/** A paid monthly gift (a Payment Link subscription and its first invoice) of a donor with an e-mail; returns its id. */
export async function paidMonthlyGift(t: TestApp, stripe: FakeStripe, slug: string, email = 'monthly.donor@example.org'): Promise<string> {
  const subscription = subscriptionAt(stripe);
  const session = checkoutSession({ campaign: slug, amount: 1500, mode: 'subscription', subscription, email });
  assert.equal((await deliver(t.baseUrl, events.sessionCompleted(session))).status, 200);
  assert.equal((await deliver(t.baseUrl, events.invoicePaid(subscription, uid('pi'), 1500))).status, 200);
  const { rows } = await t.db.query(`select id from donations where stripe_subscription_id = $1`, [subscription]);
  return rows[0].id;
}
