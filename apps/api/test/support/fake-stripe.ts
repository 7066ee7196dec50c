import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Form fields as Stripe's SDK encodes them, e.g. `metadata[campaign]`. */
  form: Record<string, string>;
  headers: IncomingMessage['headers'];
}

/**
 * A small Stripe-compatible HTTP server for tests: it records every request and answers Checkout Session
 * creation and listing like Stripe does (only the fields the app reads).
 */
export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  /** Sessions returned by `GET /v1/checkout/sessions`. */
  listed: object[];
  /** Charges returned by `GET /v1/charges`. */
  charges: object[];
  /** Invoices returned by `GET /v1/invoices` and, by id, `GET /v1/invoices/:id` (in the SDK's pinned version). */
  invoices: Array<{ id: string } & Record<string, unknown>>;
  /** PaymentIntents by id, `latest_charge.balance_transaction` expanded, for fee look-ups. */
  paymentIntents: Record<string, object>;
  /** Subscriptions by id: `GET` reads, `DELETE /v1/subscriptions/:id` cancels, `POST /v1/subscriptions/:id` updates (the form is kept as `updated_form`). */
  subscriptions: Record<string, Record<string, unknown>>;
  /** When set, every request is answered with this status and Stripe-shaped error. */
  failWith: { status: number; type: string; message: string } | null;
  /** Where created sessions send the donor (the browser test points it at a page it can see). */
  checkoutBase: string;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  let counter = 0;
  const fake: FakeStripe = {
    url: '',
    requests: [],
    listed: [],
    charges: [],
    invoices: [],
    paymentIntents: {},
    subscriptions: {},
    failWith: null,
    checkoutBase: '',
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      fake.requests.push({ method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), form, headers: request.headers });
      response.setHeader('content-type', 'application/json');
      response.setHeader('request-id', `req_fake_${++counter}`);
      const answer = (status: number, body: object) => {
        response.statusCode = status;
        response.end(JSON.stringify(body));
      };
      const missing = (id: string) => answer(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such object: '${id}'` } });
      if (fake.failWith) {
        answer(fake.failWith.status, { error: { type: fake.failWith.type, message: fake.failWith.message } });
        return;
      }
      const [, , resource, id] = url.pathname.split('/');
      if (request.method === 'GET' && url.pathname === '/v1/invoices') {
        answer(200, { object: 'list', url: '/v1/invoices', has_more: false, data: fake.invoices });
        return;
      }
      if (request.method === 'GET' && resource === 'invoices' && id) {
        const found = fake.invoices.find((invoice) => invoice.id === id);
        return found ? answer(200, found) : missing(id);
      }
      if (request.method === 'GET' && resource === 'payment_intents' && id) {
        const found = fake.paymentIntents[id];
        return found ? answer(200, found) : missing(id);
      }
      if (resource === 'subscriptions' && id && request.method === 'GET') {
        const found = fake.subscriptions[id];
        return found ? answer(200, found) : missing(id);
      }
      if (resource === 'subscriptions' && id && (request.method === 'DELETE' || request.method === 'POST')) {
        const found = fake.subscriptions[id];
        if (!found) return missing(id);
        if (request.method === 'DELETE') Object.assign(found, { status: 'canceled', canceled_at: Math.floor(Date.now() / 1000) });
        else Object.assign(found, { updated_form: form });
        return answer(200, found);
      }
      if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const id = `cs_test_fake_${counter}`;
        response.end(
          JSON.stringify({
            id,
            object: 'checkout.session',
            mode: form.mode,
            client_reference_id: form.client_reference_id,
            url: `${fake.checkoutBase || fake.url}/checkout/${id}`,
            payment_status: 'unpaid',
            status: 'open',
          }),
        );
        return;
      }
      if (request.method === 'GET' && url.pathname === '/v1/checkout/sessions') {
        response.end(JSON.stringify({ object: 'list', url: '/v1/checkout/sessions', has_more: false, data: fake.listed }));
        return;
      }
      if (request.method === 'GET' && url.pathname === '/v1/charges') {
        response.end(JSON.stringify({ object: 'list', url: '/v1/charges', has_more: false, data: fake.charges }));
        return;
      }
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${url.pathname})` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
