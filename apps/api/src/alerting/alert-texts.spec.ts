import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alertBody, alertTitle, pushPayload, telegramMessage, type AlertMessage } from './alert-texts';

const message: AlertMessage = {
  alertId: '7f1c8a52-2b1d-4c8e-9a4b-1d2e3f405162',
  caseSlug: 'vorontsov',
  severity: 'critical',
  openedAt: new Date('2026-11-30T09:05:00Z'),
  url: 'https://habeas.example/medical-alerts?alert=7f1c8a52-2b1d-4c8e-9a4b-1d2e3f405162',
  step: 0,
  test: false,
};

describe('alert texts for third-party channels', () => {
  it('name the case, severity and Moscow time in Russian', () => {
    assert.equal(alertTitle(message, 'ru'), 'Медицинская тревога: критическая');
    assert.match(alertBody(message, 'ru'), /^дело vorontsov · 30 ноября 2026 г\.,? (в )?12:05 МСК$/);
  });

  it('say in English that a later step is still unacknowledged', () => {
    assert.equal(alertTitle({ ...message, step: 1 }, 'en'), 'Medical alert: critical — nobody has acknowledged it');
  });

  it('carry exactly title, body, link, tag and severity in the push payload', () => {
    const payload = JSON.parse(pushPayload(message, 'en'));
    assert.deepEqual(Object.keys(payload).sort(), ['body', 'severity', 'tag', 'title', 'url']);
    assert.equal(payload.tag, `alert-${message.alertId}`);
  });

  it('put an acknowledge button on a Telegram alert and none on a test', () => {
    const sent = telegramMessage(message, 'ru') as { text: string; reply_markup: { inline_keyboard: Array<Array<{ callback_data?: string }>> } };
    assert.equal(sent.reply_markup.inline_keyboard[0][0].callback_data, `ack:${message.alertId}`);
    assert.ok(sent.text.includes(message.url));
    assert.equal(telegramMessage({ ...message, alertId: null, test: true }, 'ru').reply_markup, undefined);
  });
});
