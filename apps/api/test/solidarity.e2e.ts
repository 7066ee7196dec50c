import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { assertNoPhoneMetadata, phonePhoto } from './support/phone-photo';
import { startTestApp, type TestApp } from './support/test-app';

describe('anonymous solidarity posts: cleaned photos, moderation, nothing kept about the sender', () => {
  let t: TestApp;
  let f: Fixtures;
  let medic: FixtureUser;
  let outsider: FixtureUser;
  let theCase: FixtureCase;

  const send = async (message: string, photo?: Buffer) => {
    const body = new FormData();
    body.append('message', message);
    if (photo) body.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    return t.client().post(`/api/public/cases/${theCase.slug}/solidarity`, body);
  };
  const pendingId = async (message: string) => {
    const list = await medic.client.get(`/api/cases/${theCase.id}/solidarity?status=pending`);
    assert.equal(list.status, 200, list.text);
    return list.body.items.find((p: { message: string }) => p.message === message).id as string;
  };

  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    [medic, outsider] = await Promise.all([f.newUser('medical'), f.newUser('lawyer')]);
    theCase = await f.newCase({ members: [medic], isPublic: true });
  });
  after(async () => {
    await t?.close();
  });

  it('serves an approved photo with none of the metadata of the upload', async () => {
    const original = await phonePhoto();
    const before = await sharp(original).metadata();
    assert.ok(before.exif && before.xmp, 'the upload does carry EXIF (with GPS) and XMP');
    assert.ok(original.includes('SecretCam'));
    const sent = await send('Мы с вами!', original);
    assert.equal(sent.status, 202, sent.text);
    assert.deepEqual(sent.body, { status: 'pending' });
    const id = await pendingId('Мы с вами!');
    assert.equal((await fetch(`${t.baseUrl}/api/public/solidarity/${id}/photo`)).status, 404, 'nothing is public before approval');
    assert.equal((await medic.client.post(`/api/solidarity/${id}/approve`)).status, 200);

    const view = await t.client().get(`/api/public/cases/${theCase.slug}`);
    const post = view.body.solidarity.find((p: { id: string }) => p.id === id);
    assert.deepEqual(Object.keys(post).sort(), ['at', 'id', 'message', 'photoUrl']);
    assert.match(post.at, /^\d{4}-\d{2}-\d{2}$/, 'only the date');
    const served = Buffer.from(await (await fetch(`${t.baseUrl}${post.photoUrl}`)).arrayBuffer());
    await assertNoPhoneMetadata(served);
    const page = await fetch(`${t.baseUrl}/support/${theCase.slug}?lang=ru`).then((r) => r.text());
    assert.match(page, /Мы с вами!/);
    assert.match(page, /Что не хранится: ваш IP-адрес/);
  });

  it('shows nothing until a member approves, and never a rejected post', async () => {
    assert.equal((await send('Ждёт проверки')).status, 202);
    assert.equal((await send('Будет отклонено')).status, 202);
    let view = await t.client().get(`/api/public/cases/${theCase.slug}`);
    assert.ok(!view.text.includes('Ждёт проверки'));
    const rejected = await pendingId('Будет отклонено');
    assert.equal((await outsider.client.post(`/api/solidarity/${rejected}/reject`)).status, 404);
    assert.equal((await medic.client.post(`/api/solidarity/${rejected}/reject`)).status, 200);
    assert.equal((await medic.client.post(`/api/solidarity/${rejected}/reject`)).status, 409);
    view = await t.client().get(`/api/public/cases/${theCase.slug}`);
    assert.ok(!view.text.includes('Будет отклонено') && !view.text.includes('Ждёт проверки'));
  });

  it('keeps no address, device or time of day, and refuses what is not an image', async () => {
    const { rows } = await t.db.query(`select * from solidarity_posts`);
    const dump = JSON.stringify(rows);
    assert.ok(!dump.includes('127.0.0.1') && !dump.includes('::1') && !/Mozilla|node/i.test(dump));
    assert.ok(!dump.includes('Мы с вами'), 'messages are sealed at rest');
    const columns = await t.db.query(`select column_name from information_schema.columns where table_name = 'solidarity_posts'`);
    assert.ok(!columns.rows.some((c) => /ip|agent|created_at/.test(c.column_name)));
    const body = new FormData();
    body.append('message', 'не картинка');
    body.append('photo', new Blob([Buffer.from('%PDF-1.4 not an image')]), 'x.jpg');
    assert.equal((await t.client().post(`/api/public/cases/${theCase.slug}/solidarity`, body)).status, 415);
    assert.equal((await send('')).status, 400);
    assert.equal((await t.client().post(`/api/public/cases/second-case/solidarity`, { message: 'x' })).status, 404);
  });

  it('lets members reverse a decision: a rejected post can still be published, an approved one taken down with its photo', async () => {
    await t.db.query(`delete from public_rate_hits`);
    assert.equal((await send('Передумали дважды', await phonePhoto())).status, 202);
    const id = await pendingId('Передумали дважды');
    const listed = async (status: string) => {
      const list = await medic.client.get(`/api/cases/${theCase.id}/solidarity?status=${status}`);
      assert.equal(list.status, 200, list.text);
      return list.body.items.map((p: { id: string }) => p.id) as string[];
    };
    const isPublic = async () => (await t.client().get(`/api/public/cases/${theCase.slug}`)).body.solidarity.some((p: { id: string }) => p.id === id);
    assert.equal((await medic.client.post(`/api/solidarity/${id}/reject`)).status, 200);
    assert.ok((await listed('rejected')).includes(id) && !(await listed('pending')).includes(id));
    assert.equal(await isPublic(), false);
    assert.equal((await medic.client.post(`/api/solidarity/${id}/approve`)).status, 200);
    assert.ok((await listed('approved')).includes(id) && !(await listed('rejected')).includes(id));
    assert.equal(await isPublic(), true);
    assert.equal((await fetch(`${t.baseUrl}/api/public/solidarity/${id}/photo`)).status, 200);
    assert.equal((await medic.client.post(`/api/solidarity/${id}/reject`)).status, 200);
    assert.equal(await isPublic(), false);
    assert.equal((await fetch(`${t.baseUrl}/api/public/solidarity/${id}/photo`)).status, 404, 'a withdrawn photo is no longer public');
    const { rows } = await t.db.query(`select action from audit_log where entity_type = 'solidarity_post' and entity_id = $1 order by at`, [id]);
    assert.deepEqual(
      rows.map((row) => row.action),
      ['solidarity_post.reject', 'solidarity_post.approve', 'solidarity_post.reject'],
    );
  });

  it('tells a supporter who posted from the page what went wrong, in the page’s language', async () => {
    await t.db.query(`delete from public_rate_hits`);
    const body = new FormData();
    body.append('message', 'не картинка');
    body.append('photo', new Blob([Buffer.from('%PDF-1.4 not an image')]), 'x.jpg');
    const refused = await fetch(`${t.baseUrl}/support/${theCase.slug}/solidarity?lang=ru`, { method: 'POST', body });
    assert.equal(refused.status, 415);
    const html = await refused.text();
    assert.match(html, /<html lang="ru">/);
    assert.match(html, /Фото не удалось прочитать/);
    assert.doesNotMatch(html, /photo:|JPEG, PNG or WebP image/, 'no message meant for programs');
  });

  it('seeds the demo case with two approved posts, one with a cleaned photo, and one waiting for review', async () => {
    const admin = await t.signIn('admin@demo.local');
    const count = async (status: string) => (await admin.get(`/api/cases/vorontsov/solidarity?status=${status}`)).body.items.length;
    assert.deepEqual([await count('approved'), await count('pending'), await count('rejected')], [2, 1, 0]);
    const demo = (await t.client().get('/api/public/cases/vorontsov')).body.solidarity as Array<{ photoUrl?: string }>;
    const photos = demo.filter((p) => p.photoUrl);
    assert.equal(photos.length, 1);
    const served = await fetch(`${t.baseUrl}${photos[0].photoUrl}`);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.exif, meta.xmp], ['jpeg', undefined, undefined]);
  });
});
