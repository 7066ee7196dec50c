import { Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { AppConfig } from '../config/app-config';
import { DomainError, UpstreamFailure } from '../common/http/domain-error';

/** The Stripe SDK as configured: STRIPE_API_URL sends calls to a Stripe-compatible server (tests, stripe-mock). */
@Injectable()
export class StripeGateway {
  private client?: Stripe;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.stripe.secretKey);
  }

  api(): Stripe {
    const secretKey = this.config.stripe.secretKey;
    if (!secretKey) throw new UpstreamFailure(503, 'Payments are not configured: STRIPE_SECRET_KEY is not set');
    this.client ??= new Stripe(secretKey, { ...apiLocation(this.config.stripe.apiUrl), maxNetworkRetries: 2, timeout: 20_000 });
    return this.client;
  }

  /**
   * Runs one Stripe API call; whatever Stripe answers is never passed on as the app's own status: unreachable → 503,
   * any error answer (its 4xx included) → 502, with what was being done in the message.
   */
  async call<T>(what: string, run: (stripe: Stripe) => Promise<T>): Promise<T> {
    const stripe = this.api();
    try {
      return await run(stripe);
    } catch (error) {
      throw isStripeError(error) ? upstreamFailure(what, error) : error;
    }
  }

  /** The verified event, or a 400 when the Stripe-Signature does not match the raw body. */
  verify(rawBody: Buffer | undefined, signature: string | undefined): Stripe.Event {
    const secret = this.config.stripe.webhookSecret;
    // Without the secret nothing can be verified, so nothing is accepted.
    if (!secret) throw new DomainError(400, 'Stripe-Signature cannot be verified: STRIPE_WEBHOOK_SECRET is not set');
    if (!rawBody || !signature) throw new DomainError(400, 'Missing Stripe-Signature or body');
    try {
      return Stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw new DomainError(400, 'Invalid Stripe-Signature');
    }
  }
}

export function apiLocation(apiUrl: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

export const isStripeError = (error: unknown): boolean => {
  const type = (error as { type?: unknown })?.type;
  return typeof type === 'string' && type.startsWith('Stripe');
};

/** Maps an error thrown by the Stripe SDK to the app's own 502/503. */
export function upstreamFailure(what: string, error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  const type = (error as { type?: string })?.type;
  if (type === 'StripeConnectionError') return new UpstreamFailure(503, `Stripe is not reachable (${what}); try again in a few minutes`);
  const status = (error as { statusCode?: number })?.statusCode;
  const code = (error as { code?: string })?.code;
  const detail = [type, status ? `HTTP ${status}` : null, code].filter(Boolean).join(', ');
  return new UpstreamFailure(502, `Stripe refused or failed ${what}${detail ? ` (${detail})` : ''}`);
}
