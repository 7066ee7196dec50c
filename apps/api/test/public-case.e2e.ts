import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Parser from 'rss-parser';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

describe('the public side of a case: page, vetted updates, feed', () => {
  let t: TestApp;
  let lawyer: HttpClient;
  let lawyer2: HttpClient;
  let medic: HttpClient;
  let finance: HttpClient;
  let admin: HttpClient;

  before(async () => {
    t = await startTestApp();
    [lawyer, lawyer2, medic, finance, admin] = await Promise.all(
      ['lawyer', 'lawyer2', 'medic', 'finance', 'admin'].map((name) => t.signIn(`${name}@demo.local`)),
    );
  });
  after(async () => {
    await t?.close();
  });

  it('gives a case its title and summary in Russian and English, each page in its reader’s language', async () => {
    const demo = await t.client().get('/api/public/cases/vorontsov?lang=ru');
    assert.equal(demo.body.title, 'Владимир Воронцов');
    assert.match(demo.body.summary, /Полицейский омбудсмен/);
    const demoEn = await t.client().get('/api/public/cases/vorontsov?lang=en');
    assert.equal(demoEn.body.title, 'Vladimir Vorontsov');
    assert.match(demoEn.body.summary, /Police Ombudsman/);

    const created = await admin.post('/api/cases', { slug: 'two-languages', title: 'Дело Орлова', publicSummary: 'Кратко по-русски', isPublic: true });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.titleEn, created.body.publicSummaryEn], ['', '']);
    // Not translated yet: the English page shows the Russian texts rather than nothing.
    assert.equal((await t.client().get('/api/public/cases/two-languages?lang=en')).body.title, 'Дело Орлова');
    const changed = await admin.patch(`/api/cases/${created.body.id}`, { titleEn: 'The Orlov case', publicSummaryEn: 'In short, in English' });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual([changed.body.title, changed.body.titleEn], ['Дело Орлова', 'The Orlov case']);
    const en = await t.client().get('/api/public/cases/two-languages?lang=en');
    assert.deepEqual([en.body.title, en.body.summary], ['The Orlov case', 'In short, in English']);
    const ru = await t.client().get('/api/public/cases/two-languages?lang=ru');
    assert.deepEqual([ru.body.title, ru.body.summary], ['Дело Орлова', 'Кратко по-русски']);
    const campaign = await t.client().get('/api/public/campaigns/two-languages');
    assert.deepEqual([campaign.body.texts.en.title, campaign.body.texts.en.summary], ['The Orlov case', 'In short, in English']);
    // One line of at most 300 characters, like the Russian title.
    assert.equal((await admin.patch(`/api/cases/${created.body.id}`, { titleEn: 'two\nlines' })).status, 400);
    assert.equal((await admin.patch(`/api/cases/${created.body.id}`, { titleEn: 'x'.repeat(301) })).status, 400);
  });

  it('shows the demo case: its summary, an upcoming hearing, where to write, and only published updates', async () => {
    const { status, body, text } = await t.client().get('/api/public/cases/vorontsov?lang=ru');
    assert.equal(status, 200, text);
    assert.equal(body.slug, 'vorontsov');
    assert.ok(body.summary.length > 0);
    assert.ok(body.hearings.length >= 1, 'an upcoming hearing');
    for (const hearing of body.hearings) {
      assert.ok(Date.parse(hearing.scheduledAt) >= Date.now() - 60_000);
      assert.equal(hearing.timeZone, 'Europe/Moscow');
    }
    assert.match(body.writeTo.address, /Москва/);
    assert.ok(body.writeTo.rules);
    const { rows } = await t.db.query(`select title, status from case_updates where case_id = (select id from cases where slug = 'vorontsov')`);
    const published = rows.filter((row) => row.status === 'published').map((row) => row.title);
    const drafts = rows.filter((row) => row.status === 'draft').map((row) => row.title);
    assert.equal(published.length, 3);
    assert.equal(drafts.length, 1);
    assert.deepEqual(body.updates.map((u: { title: string }) => u.title).sort(), published.sort());
    for (const draft of drafts) assert.ok(!text.includes(draft), 'a draft is never public');
    assert.equal(body.donateUrl.endsWith('/donate/vorontsov'), true);
    const ruPublished = rows.filter((row) => row.status === 'published' && /[а-я]/i.test(row.title));
    assert.equal(ruPublished.length, 2, 'two published updates in Russian (and one of them in English)');
    const { rows: triage } = await t.db.query(
      `select count(*)::int as n from intake_reports where status = 'received' and case_id = (select id from cases where slug = 'vorontsov')`,
    );
    assert.equal(triage[0].n, 1, 'a family report waits in triage');
  });

  it('never shows medical data or a team member on the public side', async () => {
    const { text } = await t.client().get('/api/public/cases/vorontsov');
    const { rows: members } = await t.db.query(
      `select u.name, u.email from users u join case_members m on m.user_id = u.id join cases c on c.id = m.case_id where c.slug = 'vorontsov'`,
    );
    for (const member of members) {
      assert.ok(!text.includes(member.name), `member name ${member.name}`);
      assert.ok(!text.includes(member.email));
    }
    const page = await fetch(`${t.baseUrl}/support/vorontsov`).then((r) => r.text());
    for (const member of members) assert.ok(!page.includes(member.name), `member name ${member.name} on the page`);
    assert.doesNotMatch(page, /systolic|diastolic|давлени[ея] \d/i);
  });

  it('answers 404 for a case that is not public, and for one that does not exist', async () => {
    assert.equal((await t.client().get('/api/public/cases/second-case')).status, 404);
    assert.equal((await t.client().get('/api/public/cases/no-such-case')).status, 404);
    assert.equal((await fetch(`${t.baseUrl}/support/second-case`)).status, 404);
    assert.equal((await t.client().get('/api/public/cases/second-case/feed.atom')).status, 404);
  });

  it('publishes an update only when a lawyer other than the author approves it, and withdraws it on request', async () => {
    const created = await lawyer.post('/api/cases/vorontsov/updates', {
      title: 'Заседание перенесено на 10 декабря',
      body: 'Суд перенёс заседание.',
      language: 'ru',
    });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(Object.keys(created.body).sort(), ['id', 'status']);
    assert.equal(created.body.status, 'draft');
    const id = created.body.id;
    const title = 'Заседание перенесено на 10 декабря';
    // Public means anywhere a reader can reach: the API, the page and the feed.
    const isPublic = async () => {
      const api = (await t.client().get('/api/public/cases/vorontsov')).body.updates.some((u: { id: string }) => u.id === id);
      const page = (await fetch(`${t.baseUrl}/support/vorontsov?lang=ru`).then((r) => r.text())).includes(title);
      const feed = (await fetch(`${t.baseUrl}/api/public/cases/vorontsov/feed.atom?lang=ru`).then((r) => r.text())).includes(id);
      assert.equal(page, api, 'the page agrees with the API');
      assert.equal(feed, api, 'the feed agrees with the API');
      return api;
    };
    assert.equal(await isPublic(), false);

    const own = await lawyer.post(`/api/updates/${id}/approve`);
    assert.equal(own.status, 403, 'the author cannot approve');
    assert.match(own.body.message, /author/);
    assert.equal((await medic.post(`/api/updates/${id}/approve`)).status, 403, 'medical staff do not do legal review');
    assert.equal((await finance.post(`/api/updates/${id}/approve`)).status, 403);
    assert.equal((await lawyer2.post(`/api/updates/${id}/approve`)).status, 404, 'a lawyer of another case does not see it');
    assert.equal(await isPublic(), false);

    const approved = await admin.post(`/api/updates/${id}/approve`);
    assert.equal(approved.status, 200, approved.text);
    assert.deepEqual(approved.body, { status: 'published' });
    assert.equal(await isPublic(), true);
    assert.equal((await admin.post(`/api/updates/${id}/approve`)).status, 409);

    const withdrawn = await lawyer.post(`/api/updates/${id}/unpublish`);
    assert.deepEqual([withdrawn.status, withdrawn.body], [200, { status: 'unpublished' }]);
    assert.equal(await isPublic(), false);
    const { rows } = await t.db.query(`select action, actor_id from audit_log where details->>'updateId' = $1 order by at`, [id]);
    assert.deepEqual(
      rows.map((row) => row.action),
      ['case_update.draft', 'case_update.publish', 'case_update.unpublish'],
    );
  });

  it('lets medical staff draft an update that a lawyer then approves', async () => {
    const created = await medic.post('/api/cases/vorontsov/updates', { title: 'Передача принята', body: 'Лекарства переданы.', language: 'ru' });
    assert.equal(created.status, 201, created.text);
    assert.equal((await lawyer.post(`/api/updates/${created.body.id}/approve`)).status, 200);
    const list = await lawyer.get('/api/cases/vorontsov/updates?status=published');
    assert.ok(list.body.items.some((u: { id: string; approvedBy: { name: string } }) => u.id === created.body.id && u.approvedBy.name.length > 0));
    assert.equal((await finance.post('/api/cases/vorontsov/updates', { title: 'x', body: 'y', language: 'ru' })).status, 403);
    assert.equal((await lawyer2.post('/api/cases/vorontsov/updates', { title: 'x', body: 'y', language: 'ru' })).status, 404);
    assert.equal((await lawyer.post('/api/cases/vorontsov/updates', { title: '', body: 'y', language: 'de' })).status, 400);
  });

  it('serves an Atom feed of the published updates that a feed parser reads', async () => {
    const response = await fetch(`${t.baseUrl}/api/public/cases/vorontsov/feed.atom?lang=ru`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
    const feed = await new Parser().parseString(await response.text());
    const published = (await t.client().get('/api/public/cases/vorontsov')).body.updates as Array<{ id: string; title: string }>;
    assert.deepEqual(
      feed.items.map((item) => item.id),
      published.map((u) => `urn:uuid:${u.id}`),
    );
    assert.deepEqual(
      feed.items.map((item) => item.title),
      published.map((u) => u.title),
    );
  });

  it('renders the public page in Russian or English without JavaScript, escaping what the team wrote', async () => {
    const hostile = await lawyer.post('/api/cases/vorontsov/updates', {
      title: 'Скрипт <script>alert(1)</script>',
      body: 'Тело & <b>жирный</b>',
      language: 'ru',
    });
    await admin.post(`/api/updates/${hostile.body.id}/approve`);
    const ru = await fetch(`${t.baseUrl}/support/vorontsov`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    assert.equal(ru.status, 200);
    assert.match(ru.headers.get('content-type') ?? '', /^text\/html/);
    const html = await ru.text();
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /Ближайшие заседания/);
    assert.match(html, /\(МСК\)/);
    assert.ok(!html.includes('<script'), 'no script at all, and the team’s text is escaped');
    assert.ok(html.includes('Скрипт &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(Buffer.byteLength(html) < 100 * 1024);
    const en = await fetch(`${t.baseUrl}/support/vorontsov?lang=en`).then((r) => r.text());
    assert.match(en, /<html lang="en">/);
    assert.match(en, /Upcoming hearings/);
    assert.match(en, /Custody extended until 20 December/);
  });
});
