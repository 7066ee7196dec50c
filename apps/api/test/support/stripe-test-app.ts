import { startFakeStripe, type FakeStripe } from './fake-stripe';
import { stripeTestEnv } from './stripe-events';
import { startTestApp, type TestApp } from './test-app';

/** An app wired to a fake Stripe of its own, for suites that take payments. */
export async function startStripeTestApp(): Promise<{ t: TestApp; stripe: FakeStripe }> {
  const stripe = await startFakeStripe();
  try {
    return { t: await startTestApp({ env: stripeTestEnv(stripe.url) }), stripe };
  } catch (error) {
    await stripe.close();
    throw error;
  }
}

/** Stops what startStripeTestApp started (nothing, when it failed). */
export async function stopStripeTestApp(started: { t?: TestApp; stripe?: FakeStripe }): Promise<void> {
  await started.t?.close();
  await started.stripe?.close();
}
