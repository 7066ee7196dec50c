import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCourtTime, formatDate, formatDateTime, formatMoney, zonedLocalToIso, zoneLabel } from './format';

describe('shared formats', () => {
  it('writes money unambiguously, with the currency’s decimals and no negative zero', () => {
    assert.equal(formatMoney(2500, 'USD', 'ru').replace(/\s/g, ' '), '25,00 US$');
    assert.equal(formatMoney(2500, 'USD', 'en'), 'US$25.00');
    assert.equal(formatMoney(-0, 'EUR', 'en'), '€0.00');
    assert.equal(formatMoney(0, 'EUR', 'ru').replace(/\s/g, ' '), '0,00 €');
    assert.equal(formatMoney(500, 'JPY', 'en'), 'JP¥500');
  });

  it('writes dates and times without seconds', () => {
    assert.equal(formatDate('2026-05-08T12:00:00Z', 'ru', 'Europe/Moscow'), '8 мая 2026 г.');
    assert.equal(formatDateTime('2026-05-08T12:00:00Z', 'en', 'Europe/Moscow'), '8 May 2026 at 15:00');
  });

  it('labels Moscow time as МСК and adds the viewer’s time when it differs', () => {
    assert.equal(zoneLabel('Europe/Moscow', 'ru'), 'МСК');
    const seen = formatCourtTime('2026-12-12T07:00:00Z', 'Europe/Moscow', 'ru', 'Europe/Berlin');
    assert.equal(seen.court, '12 декабря 2026 г. в 10:00 МСК');
    assert.equal(seen.viewer, '08:00 GMT+1');
    assert.equal(formatCourtTime('2026-12-12T07:00:00Z', 'Europe/Moscow', 'ru', 'Europe/Moscow').viewer, null);
  });

  it('reads a time typed in the court’s zone as that zone’s instant', () => {
    assert.equal(zonedLocalToIso('2026-12-12T10:00', 'Europe/Moscow'), '2026-12-12T07:00:00.000Z');
    assert.equal(zonedLocalToIso('2026-07-01T10:00', 'Europe/Berlin'), '2026-07-01T08:00:00.000Z');
  });
});
