import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SubscriptionsService } from '../src/public-case/subscriptions.service';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

type Sink = Awaited<ReturnType<typeof startSmtpSink>>;

/** Headers and the decoded text of a raw single-part mail (base64 or quoted-printable, as nodemailer writes them). */
function plain(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).trim();
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => `%${hex}`);
    return `${head}\n\n${decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'))}`;
  }
  return raw;
}

describe('subscriptions to a case: double opt-in, one-click unsubscribe, erasure', () => {
  let sink: Sink;
  let t: TestApp;
  let f: Fixtures;
  let lawyer: FixtureUser;
  let lawyer2: FixtureUser;
  let theCase: FixtureCase;

  const mailsTo = (address: string) => sink.received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  const confirmLink = async (address: string) => {
    const mail = await waitFor(`confirmation to ${address}`, () => mailsTo(address).find((m) => /confirm/.test(plain(m.raw))));
    return /(http:\/\/[^\s]+\/support\/subscriptions\/[^\s/]+\/confirm)/.exec(plain(mail.raw))![1];
  };
  const publish = async (title: string, language: 'ru' | 'en' = 'ru') => {
    const draft = await lawyer.client.post(`/api/cases/${theCase.id}/updates`, { title, body: `${title}: текст`, language });
    assert.equal(draft.status, 201, draft.text);
    assert.equal((await lawyer2.client.post(`/api/updates/${draft.body.id}/approve`)).status, 200);
    return draft.body.id as string;
  };
  const subscribe = (email: string, language: 'ru' | 'en' = 'ru') => t.client().post(`/api/public/cases/${theCase.slug}/subscriptions`, { email, language });

  before(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'http://habeas.test' } });
    f = await Fixtures.of(t);
    [lawyer, lawyer2] = await Promise.all([f.newUser('lawyer'), f.newUser('lawyer')]);
    theCase = await f.newCase({ members: [lawyer, lawyer2], isPublic: true });
  });
  after(async () => {
    await t?.close();
    await sink?.close();
  });

  it('answers 202 alike for a new and a known address, and sends nothing but the confirmation until confirmed', async () => {
    const first = await subscribe('Reader@Example.org');
    const again = await subscribe('reader@example.org');
    assert.equal(first.status, 202, first.text);
    assert.deepEqual([again.status, again.body], [first.status, first.body]);
    assert.equal((await t.client().post(`/api/public/cases/no-such-case/subscriptions`, { email: 'x@example.org', language: 'ru' })).status, 404);
    assert.equal((await t.client().post(`/api/public/cases/${theCase.slug}/subscriptions`, { email: 'not-an-address', language: 'ru' })).status, 400);
    await confirmLink('Reader@Example.org');
    const { rows } = await t.db.query(`select email from case_subscriptions where case_id = $1`, [theCase.id]);
    assert.equal(rows.length, 1, 'one subscription per address and case, whatever the case of letters');
    assert.ok(!String(rows[0].email).includes('@'), 'the address is sealed at rest');

    await publish('Новость до подтверждения');
    await t.app.get(SubscriptionsService).announceHearings();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(!mailsTo('Reader@Example.org').some((m) => plain(m.raw).includes('Новость до подтверждения')), 'an unconfirmed address gets no news');
  });

  it('confirms by a button (a GET changes nothing), then sends published updates in the subscriber’s language with RFC 8058 headers', async () => {
    await subscribe('ru-reader@example.org', 'ru');
    await subscribe('en-reader@example.org', 'en');
    for (const address of ['ru-reader@example.org', 'en-reader@example.org']) {
      const link = new URL(await confirmLink(address));
      const page = await fetch(`${t.baseUrl}${link.pathname}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post"/);
      const confirmed = await fetch(`${t.baseUrl}${link.pathname}`, { method: 'POST' });
      assert.equal(confirmed.status, 200);
    }
    await publish('Заседание перенесено', 'ru');
    const mail = await waitFor('the update mail', () => mailsTo('ru-reader@example.org').find((m) => plain(m.raw).includes('Заседание перенесено')));
    assert.match(plain(mail.raw), /^List-Unsubscribe: <http:\/\/habeas\.test\/support\/subscriptions\/[^>]+\/unsubscribe>\r?$/m);
    assert.match(plain(mail.raw), /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    await publish('Hearing moved', 'en');
    await waitFor('the English update', () => mailsTo('en-reader@example.org').find((m) => plain(m.raw).includes('Hearing moved')));
    assert.ok(!mailsTo('en-reader@example.org').some((m) => plain(m.raw).includes('Заседание перенесено')), 'updates go to subscribers of their language');
  });

  it('unsubscribes with one POST from a mail client (no cookie, no CSRF token), and sends nothing afterwards', async () => {
    const mail = mailsTo('ru-reader@example.org').find((m) => /^List-Unsubscribe: </m.test(plain(m.raw)))!;
    const url = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(plain(mail.raw))![1]);
    const response = await fetch(`${t.baseUrl}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(response.status, 200);
    assert.equal(
      (
        await fetch(`${t.baseUrl}${url.pathname}`, {
          method: 'POST',
          body: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
      200,
    );
    await subscribe('ru-witness@example.org', 'ru');
    const witness = new URL(await confirmLink('ru-witness@example.org'));
    assert.equal((await fetch(`${t.baseUrl}${witness.pathname}`, { method: 'POST' })).status, 200);
    const before = mailsTo('ru-reader@example.org').length;
    await publish('После отписки');
    await waitFor('the news reaches a subscriber still on the list', () =>
      mailsTo('ru-witness@example.org').find((m) => plain(m.raw).includes('После отписки')),
    );
    assert.equal(mailsTo('ru-reader@example.org').length, before);
    const forged = url.pathname.replace(/\.[^/]+\/unsubscribe$/, '.forged/unsubscribe');
    assert.equal((await fetch(`${t.baseUrl}${forged}`, { method: 'POST' })).status, 404);
  });

  it('erases an address everywhere: its subscriptions and every mail to it', async () => {
    await subscribe('erase-me@example.org');
    const confirm = new URL(await confirmLink('erase-me@example.org'));
    const other = await f.newCase({ isPublic: true });
    await t.client().post(`/api/public/cases/${other.slug}/subscriptions`, { email: 'ERASE-me@example.org', language: 'en' });
    const { rows: outbox } = await t.db.query(`select count(*)::int as n from mail_outbox where erase_key like 'subscriber:%'`);
    assert.ok(outbox[0].n > 0);
    const subscriptions = async () => (await t.db.query(`select count(*)::int as n from case_subscriptions`)).rows[0].n as number;
    const before = await subscriptions();
    const erased = await f.admin.post('/api/subscribers/erase', { email: 'erase-me@example.org' });
    assert.equal(erased.status, 200, erased.text);
    assert.equal(erased.body.erased, 2);
    assert.equal(await subscriptions(), before - 2, 'both subscriptions of the address are gone from the table');
    assert.equal((await fetch(`${t.baseUrl}${confirm.pathname}`, { method: 'POST' })).status, 404, 'its confirmation link leads nowhere');
    const { rows } = await t.db.query(`select id from case_subscriptions`);
    const ids = rows.map((row) => row.id);
    const { rows: left } = await t.db.query(`select erase_key from mail_outbox where erase_key like 'subscriber:%'`);
    assert.ok(
      left.every((row) => ids.includes(String(row.erase_key).slice('subscriber:'.length))),
      'no mail about an erased subscriber is left',
    );
    assert.equal((await lawyer.client.post('/api/subscribers/erase', { email: 'erase-me@example.org' })).status, 403);
  });

  it('takes a subscription from the public page form without JavaScript', async () => {
    const response = await fetch(`${t.baseUrl}/support/${theCase.slug}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'form@example.org', language: 'en' }).toString(),
    });
    assert.equal(response.status, 202);
    assert.match(await response.text(), /Check your mail/);
    await confirmLink('form@example.org');
    const page = await fetch(`${t.baseUrl}/support/${theCase.slug}?lang=ru`).then((r) => r.text());
    assert.match(page, new RegExp(`<form method="post" action="/support/${theCase.slug}/subscribe">`));
  });
});
