import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiLocation } from './stripe-gateway.service';

describe('STRIPE_API_URL', () => {
  it('points the SDK at an http server with an explicit port', () => {
    assert.deepEqual(apiLocation('http://localhost:12111'), { host: 'localhost', port: 12111, protocol: 'http' });
  });

  it('defaults the port from the protocol', () => {
    assert.deepEqual(apiLocation('https://stripe.internal'), { host: 'stripe.internal', port: 443, protocol: 'https' });
  });

  it('leaves Stripe itself when unset', () => {
    assert.deepEqual(apiLocation(undefined), {});
  });
});
