import { medicalAlert, pushSubscriptionView, telegramLink, testAlertResult } from '@habeas/contracts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakePushService, type FakePushService, type FakeSubscription } from './support/fake-push-service';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram';
import { expectBody, Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/** Seconds between escalation steps in this file (a policy says minutes; ON_CALL_STEP_SECONDS shortens it). */
const STEP_SECONDS = 3;
const SECRET = 'Гипертонический криз 210/120, потерял сознание';
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const wholeWeek = (userId: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ userId, weekday, start: '00:00', end: '00:00' }));

describe('alerts on phones: Web Push, Telegram, on-call escalation', () => {
  let t: TestApp;
  let push: FakePushService;
  let telegram: FakeTelegram;
  let f: Fixtures;
  let onDuty: FixtureUser;
  let backup: FixtureUser;
  let theCase: FixtureCase;
  let onDutyDevice: FakeSubscription;
  let backupDevice: FakeSubscription;
  const ON_DUTY_CHAT = 5551001;

  async function subscribe(user: FixtureUser, device: FakeSubscription) {
    return expectBody(await user.client.post('/api/me/push-subscriptions', { endpoint: device.endpoint, keys: device.keys }), 201, pushSubscriptionView);
  }

  async function linkTelegram(user: FixtureUser, chatId: number) {
    const { link } = expectBody(await user.client.post('/api/me/telegram'), 201, telegramLink);
    const url = new URL(link);
    assert.equal(`${url.origin}${url.pathname}`, `https://t.me/${telegram.username}`);
    const code = url.searchParams.get('start')!;
    assert.match(code, /^[A-Za-z0-9_-]{16,64}$/);
    const before = telegram.sent.length;
    telegram.userSends(chatId, `/start ${code}`);
    const reply = await waitFor('the link confirmation in the chat', () => telegram.sent.slice(before).find((m) => m.chat_id === String(chatId)));
    assert.match(reply.text, /^Готово/);
    return code;
  }

  before(async () => {
    push = await startFakePushService();
    telegram = await startFakeTelegram();
    t = await startTestApp({
      env: {
        PUSH_ENDPOINT_HOSTS: push.host,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_URL: telegram.url,
        TELEGRAM_POLL_SECONDS: '2',
        ON_CALL_STEP_SECONDS: String(STEP_SECONDS),
      },
    });
    f = await Fixtures.of(t);
    onDuty = await f.newUser('medical');
    backup = await f.newUser('medical');
    theCase = await f.newCase({ members: [onDuty, backup] });
    // The backup holds the weekly rota; an override puts the other medic on duty now, so the backup is next.
    const policy = await f.admin.put('/api/on-call/policy', { caseId: theCase.id, escalateAfterMinutes: 10, shifts: wholeWeek(backup.id) });
    assert.equal(policy.status, 200, policy.text);
    const override = await f.admin.post('/api/on-call/overrides', { caseId: theCase.id, userId: onDuty.id, startsAt: hours(-1), endsAt: hours(24) });
    assert.equal(override.status, 201, override.text);
    onDutyDevice = push.newSubscription();
    backupDevice = push.newSubscription();
    await subscribe(onDuty, onDutyDevice);
    await subscribe(backup, backupDevice);
    await linkTelegram(onDuty, ON_DUTY_CHAT);
  });
  after(async () => {
    await t?.close();
    await push?.close();
    await telegram?.close();
  });

  it('gives the VAPID public key that then signs every push', async () => {
    const { body } = await onDuty.client.get('/api/push/vapid-public-key');
    assert.equal(Buffer.from(body.key, 'base64url').length, 65);
    const result = expectBody(await onDuty.client.post('/api/me/test-alert'), 200, testAlertResult);
    assert.deepEqual(result.notifications.map((n) => `${n.channel}:${n.status}`).sort(), ['push:sent', 'telegram:sent']);
    const received = push.received.filter((r) => r.subscription === onDutyDevice.id).at(-1)!;
    assert.equal(received.vapidKey, body.key);
    assert.equal(received.claims.aud, push.url);
  });

  it('reports the policy in force and who is on duty now', async () => {
    const { body } = await f.admin.get(`/api/on-call/policy?caseId=${theCase.id}`);
    assert.equal(body.own, true);
    assert.equal(body.onDutyNow, onDuty.id);
    assert.equal(body.overrides.length, 1);
  });

  it('starts the demo case with a rota: the demo medic on duty round the clock, escalating after 15 minutes', async () => {
    const demoCase = await f.admin.get('/api/cases/vorontsov');
    const { body } = await f.admin.get(`/api/on-call/policy?caseId=${demoCase.body.id}`);
    const medic = (await f.admin.get('/api/users?limit=100')).body.items.find((u: { email: string }) => u.email === 'medic@demo.local');
    assert.equal(body.own, true);
    assert.equal(body.escalateAfterMinutes, 15);
    assert.equal(body.onDutyNow, medic.id);
    assert.equal(body.shifts.length, 7);
  });

  it('brings a critical incident to the on-duty medic by push and Telegram within 2 s, without medical text, then escalates to the next person', async (context) => {
    const pushedBefore = push.received.length;
    const sentBefore = telegram.sent.length;
    const started = Date.now();
    const incident = await f.newIncident(theCase.id, {
      severity: 'critical',
      type: 'injury',
      description: SECRET,
      facility: 'СИЗО-1 больничное отделение',
      outcome: 'Скорая не госпитализировала',
      vitals: [{ at: new Date().toISOString(), systolic: 210, diastolic: 120, pulse: 131 }],
    });
    const pushed = await waitFor('a push to the on-duty device', () => push.received.slice(pushedBefore).find((r) => r.subscription === onDutyDevice.id), {
      timeoutMs: 5000,
      everyMs: 20,
    });
    const chat = await waitFor(
      'a Telegram message to the on-duty chat',
      () => telegram.sent.slice(sentBefore).find((m) => m.chat_id === String(ON_DUTY_CHAT)),
      { timeoutMs: 5000, everyMs: 20 },
    );
    context.diagnostic(`critical incident → on-duty push ${pushed.at - started} ms, Telegram ${chat.at - started} ms`);
    assert.ok(pushed.at - started < 2000, `push took ${pushed.at - started} ms`);
    assert.ok(chat.at - started < 2000, `Telegram took ${chat.at - started} ms`);

    const { body: alerts } = await f.admin.get(`/api/medical-alerts?caseId=${theCase.id}`);
    const alert = alerts.items.find((a: { incidentId: string }) => a.incidentId === incident.id);
    for (const text of [pushed.text, chat.text + JSON.stringify(chat.reply_markup)]) {
      for (const secret of [SECRET, 'СИЗО-1', 'госпитализировала', '210', '120', '131', 'injury', 'травма'])
        assert.ok(!text.includes(secret), `"${secret}" leaked: ${text}`);
      assert.ok(text.includes(theCase.slug), 'names the case by its short name');
      assert.ok(text.includes(alert.id), 'links to the alert');
    }
    assert.equal(pushed.headers['content-encoding'], 'aes128gcm');
    assert.equal(pushed.headers.urgency, 'high');
    assert.equal(chat.reply_markup?.inline_keyboard[0][0].callback_data, `ack:${alert.id}`);
    assert.equal(push.received.slice(pushedBefore).filter((r) => r.subscription === backupDevice.id).length, 0, 'the next person is not called at once');

    const escalated = await waitFor('the push to the next person', () => push.received.slice(pushedBefore).find((r) => r.subscription === backupDevice.id), {
      timeoutMs: (STEP_SECONDS + 8) * 1000,
    });
    assert.ok(escalated.at - pushed.at >= (STEP_SECONDS - 0.5) * 1000, 'called after the policy delay, not at once');
    assert.match(String(escalated.payload.title), /никто не подтвердил/);

    // The attempt is recorded once the push service has answered: wait for the row, not only for the push.
    const read = await waitFor('the step-1 delivery record', async () => {
      const body = expectBody(await onDuty.client.get(`/api/medical-alerts/${alert.id}`), 200, medicalAlert);
      return body.notifications!.some((n) => n.step === 1) ? body : undefined;
    });
    const seen = read.notifications!.map(
      (n) => `${n.step}:${n.channel}:${n.recipientId === onDuty.id ? 'onDuty' : n.recipientId === backup.id ? 'backup' : n.recipientId}:${n.status}`,
    );
    assert.deepEqual(seen.slice(0, 3).sort(), ['0:push:onDuty:sent', '0:telegram:onDuty:sent', '1:push:backup:sent']);
  });

  it('acknowledges from the Telegram button as the linked medic, and stops escalating', async () => {
    const alertId = (await f.newAlertOf(theCase.id, 'critical')).alert.id;
    const chat = await waitFor('the alert in Telegram', () => telegram.sent.find((m) => m.chat_id === String(ON_DUTY_CHAT) && m.text.includes(alertId)));
    assert.equal(chat.reply_markup!.inline_keyboard[0][0].callback_data, `ack:${alertId}`);
    const query = telegram.userPresses(ON_DUTY_CHAT, `ack:${alertId}`);
    const answer = await waitFor('the callback answer', () => telegram.answered.find((a) => a.callback_query_id === query));
    assert.match(answer.text, /подтверждена/);
    const alert = expectBody(await f.admin.get(`/api/medical-alerts/${alertId}`), 200, medicalAlert);
    assert.equal(alert.status, 'acknowledged');
    assert.equal(alert.acknowledgedBy, onDuty.id);
    const { rows } = await t.db.query(`select action, actor_id from audit_log where entity_id = $1 and action = 'medical_alert.acknowledge'`, [alertId]);
    assert.equal(rows[0]?.actor_id, onDuty.id, 'audited as the medic');
  });

  it('refuses an acknowledge from Telegram for a medic who lost access since the message', async () => {
    const alertId = (await f.newAlertOf(theCase.id, 'critical')).alert.id;
    const chat = await waitFor('the alert in Telegram', () => telegram.sent.find((m) => m.chat_id === String(ON_DUTY_CHAT) && m.text.includes(alertId)));
    assert.equal(chat.reply_markup!.inline_keyboard[0][0].callback_data, `ack:${alertId}`);
    assert.equal((await f.admin.patch(`/api/users/${onDuty.id}`, { role: 'lawyer' })).status, 200);
    try {
      const query = telegram.userPresses(ON_DUTY_CHAT, `ack:${alertId}`);
      const answer = await waitFor('the callback answer', () => telegram.answered.find((a) => a.callback_query_id === query));
      assert.match(answer.text, /Нет доступа/);
      const alert = expectBody(await f.admin.get(`/api/medical-alerts/${alertId}`), 200, medicalAlert);
      assert.equal(alert.status, 'open');
    } finally {
      assert.equal((await f.admin.patch(`/api/users/${onDuty.id}`, { role: 'medical' })).status, 200);
      onDuty.client = await f.signIn(onDuty.email); // a role change ends the person's sessions
    }
  });

  it('refuses a push endpoint on a host that is not a known push service (400)', async () => {
    const device = push.newSubscription();
    for (const endpoint of [
      'https://attacker.example/push/1',
      'http://127.0.0.1:1/push/1',
      'https://fcm.googleapis.com.attacker.example/x',
      'http://fcm.googleapis.com/fcm/send/x',
    ]) {
      const response = await onDuty.client.post('/api/me/push-subscriptions', { endpoint, keys: device.keys });
      assert.equal(response.status, 400, endpoint);
      assert.equal(typeof response.body.message, 'string');
    }
    const badKey = await onDuty.client.post('/api/me/push-subscriptions', {
      endpoint: device.endpoint,
      keys: { p256dh: 'A'.repeat(40), auth: device.keys.auth },
    });
    assert.equal(badKey.status, 400);
    const { rows } = await t.db.query(`select count(*)::int as n from push_subscriptions where endpoint not like $1`, [`${push.url}/%`]);
    assert.equal(rows[0].n, 0);
  });

  it('removes a subscription the push service answers 410 for', async () => {
    const user = await f.newUser('medical');
    const device = push.newSubscription();
    const saved = await subscribe(user, device);
    push.answer(device.id, 410);
    const result = expectBody(await user.client.post('/api/me/test-alert'), 200, testAlertResult);
    assert.deepEqual(
      result.notifications.map((n) => n.status),
      ['gone'],
    );
    const { body } = await user.client.get('/api/me/push-subscriptions');
    assert.deepEqual(body.items, []);
    assert.equal((await user.client.delete(`/api/me/push-subscriptions/${saved.id}`)).status, 404);
  });

  it("deletes one's own subscription (204) and not someone else's (404)", async () => {
    const user = await f.newUser('medical');
    const saved = await subscribe(user, push.newSubscription());
    assert.equal((await backup.client.delete(`/api/me/push-subscriptions/${saved.id}`)).status, 404);
    assert.equal((await user.client.delete(`/api/me/push-subscriptions/${saved.id}`)).status, 204);
  });

  it('retries a failed Telegram delivery with backoff and records every attempt', async () => {
    const user = await f.newUser('medical');
    await linkTelegram(user, 5556006);
    telegram.failSends(500, 1, 5556006);
    const result = expectBody(await user.client.post('/api/me/test-alert'), 200, testAlertResult);
    assert.deepEqual(
      result.notifications.map((n) => `${n.channel}:${n.status}`),
      ['telegram:failed'],
    );
    const retried = await waitFor('the second attempt', async () => {
      const { rows } = await t.db.query(`select status, at from alert_notifications where recipient_id = $1 and channel = 'telegram' and attempt = 2`, [
        user.id,
      ]);
      return rows[0]?.status === 'sent' ? rows[0] : undefined;
    });
    const { rows } = await t.db.query(`select at from alert_notifications where recipient_id = $1 and attempt = 1`, [user.id]);
    assert.ok(retried.at.getTime() - rows[0].at.getTime() >= 4000, 'retried after a pause, not at once');
  });

  it('holds back a high (non-critical) alert in quiet hours and still sends a critical one', async () => {
    const sleeper = await f.newUser('medical');
    const device = push.newSubscription();
    await subscribe(sleeper, device);
    const quietCase = await f.newCase({ members: [sleeper] });
    const saved = await sleeper.client.put('/api/me/alert-preferences', { language: 'en', quietHours: { start: '00:00', end: '23:59' } });
    assert.equal(saved.status, 200, saved.text);
    const high = (await f.newAlertOf(quietCase.id, 'high')).alert;
    const quiet = await waitFor('a quiet record', async () => {
      const alert = expectBody(await f.admin.get(`/api/medical-alerts/${high.id}`), 200, medicalAlert);
      return alert.notifications!.find((n) => n.recipientId === sleeper.id);
    });
    assert.equal(quiet.status, 'quiet');
    await f.newAlertOf(quietCase.id, 'critical');
    const pushed = await waitFor('the critical push', () => push.received.find((r) => r.subscription === device.id));
    assert.match(String(pushed.payload.title), /^Medical alert: critical/);
    assert.equal(push.received.filter((r) => r.subscription === device.id).length, 1, 'the high alert was held back');
  });

  it('unlinks the chat on /stop', async () => {
    const user = await f.newUser('medical');
    await linkTelegram(user, 5552002);
    assert.equal((await user.client.get('/api/me/telegram')).body.linked, true);
    telegram.userSends(5552002, '/stop');
    await waitFor('unlinked', async () => (await user.client.get('/api/me/telegram')).body.linked === false);
  });

  it('does not link with a used or unknown code', async () => {
    const user = await f.newUser('medical');
    const code = await linkTelegram(user, 5553003);
    const before = telegram.sent.length;
    telegram.userSends(5554004, `/start ${code}`);
    const reply = await waitFor('the refusal', () => telegram.sent.slice(before).find((m) => m.chat_id === '5554004'));
    assert.match(reply.text, /недействительна/);
    const { rows } = await t.db.query(`select chat_id::text from telegram_links where user_id = $1`, [user.id]);
    assert.deepEqual(rows, [{ chat_id: '5553003' }]);
  });
});
