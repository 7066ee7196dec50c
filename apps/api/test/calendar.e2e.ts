import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './support/test-app';

interface VEvent {
  [property: string]: string;
}

/** A strict minimal iCalendar parse (RFC 5545): unfolds lines and returns the VEVENTs, failing on anything malformed. */
function parseIcs(text: string): VEvent[] {
  assert.ok(text.includes('\r\n'), 'lines end with CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  const events: VEvent[] = [];
  let current: VEvent | null = null;
  for (const line of lines.slice(1, -1)) {
    const colon = line.indexOf(':');
    assert.ok(colon > 0, `content line has a name and a value: ${line}`);
    const name = line.slice(0, colon).split(';')[0];
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value === 'VEVENT') {
      assert.equal(current, null, 'VEVENTs do not nest');
      current = {};
    } else if (name === 'END' && value === 'VEVENT') {
      assert.ok(current);
      for (const required of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) assert.ok(current[required], `VEVENT has ${required}`);
      assert.match(current.DTSTART, /^\d{8}T\d{6}Z$/);
      events.push(current);
      current = null;
    } else if (current) {
      current[name] = value;
    }
  }
  assert.equal(current, null);
  return events;
}

describe('calendar feed', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('serves the hearings and deadlines of the user’s own cases at a secret URL', async () => {
    const lawyer = await t.signIn('lawyer@demo.local');
    assert.deepEqual((await lawyer.get('/api/calendar/feed')).body.active, false);
    const feed = await lawyer.post('/api/calendar/feed');
    assert.equal(feed.status, 201);
    const path = new URL(feed.body.url).pathname;
    assert.match(path, /^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const stored = await t.db.query(`select token_hash from calendar_feeds`);
    assert.ok(!path.includes(stored.rows[0].token_hash), 'only a hash is stored');
    assert.ok(!stored.rows[0].token_hash.includes(path.split('/').pop()!.replace('.ics', '')));

    const ics = await t.client().get(path);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
    const events = parseIcs(ics.text);
    // In Russian unless the subscriber chose English: the case's Russian title, the kind of hearing in Russian.
    assert.ok(events.some((event) => event.UID.startsWith('hearing-') && event.SUMMARY === 'Владимир Воронцов: заседание (апелляция)'));
    assert.ok(events.some((event) => event.UID.startsWith('deadline-') && /домашний арест/.test(event.SUMMARY)));
    // The feed states the court's own clock, as the screens do, for hearings and deadlines alike.
    const appeal = events.find((event) => event.SUMMARY === 'Владимир Воронцов: заседание (апелляция)')!;
    assert.match(appeal.DESCRIPTION, /^Время суда: \d{1,2} [а-я]+ \d{4} г\.(\\?,| в) \d{2}:\d{2} МСК/);
    assert.ok(events.filter((event) => event.UID.startsWith('deadline-')).every((event) => /^Истекает .* МСК по времени суда$/.test(event.DESCRIPTION)));
    assert.ok(!/[A-Za-z]{4,}/.test(events.map((event) => `${event.SUMMARY} ${event.DESCRIPTION}`).join(' ')), 'no English words in a Russian feed');
    assert.ok(!events.some((event) => /Смирнов|Smirnov/.test(event.SUMMARY)), 'no events of cases the user is not a member of');

    // The same feed for a subscriber who reads English: titles and texts in English, the court's zone kept.
    assert.equal((await lawyer.patch('/api/auth/me', { language: 'en' })).status, 200);
    const english = parseIcs((await t.client().get(path)).text);
    const appealEn = english.find((event) => event.UID === appeal.UID)!;
    assert.equal(appealEn.SUMMARY, 'Vladimir Vorontsov: appeal (hearing)');
    assert.match(appealEn.DESCRIPTION, /^Court time: .* MSK/);
    assert.ok(english.filter((event) => event.UID.startsWith('deadline-')).every((event) => /^Due by .* MSK\\, court time$/.test(event.DESCRIPTION)));
    assert.equal(appealEn.DTSTART, appeal.DTSTART, 'the same instant in both languages');
    assert.equal((await lawyer.patch('/api/auth/me', { language: 'ru' })).status, 200);
    assert.equal((await lawyer.get('/api/calendar/feed')).body.active, true);
    assert.equal((await lawyer.get('/api/calendar/feed')).body.url, null);
  });

  it('stops serving a revoked or regenerated URL', async () => {
    const lawyer = await t.signIn('lawyer2@demo.local');
    const firstUrl = new URL((await lawyer.post('/api/calendar/feed')).body.url).pathname;
    const secondUrl = new URL((await lawyer.post('/api/calendar/feed')).body.url).pathname;
    assert.equal((await t.client().get(firstUrl)).status, 404);
    assert.equal((await t.client().get(secondUrl)).status, 200);
    assert.equal((await lawyer.delete('/api/calendar/feed')).status, 204);
    const revoked = await t.client().get(secondUrl);
    assert.equal(revoked.status, 404);
    assert.equal(revoked.body.statusCode, 404);
    assert.equal((await t.client().get('/api/calendar/not-a-token.ics')).status, 404);
    assert.equal((await t.client().post('/api/calendar/feed')).status, 401);
  });
});
