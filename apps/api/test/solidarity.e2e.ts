import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/** A JPEG carrying what a phone writes: camera make and serial, GPS position, an XMP packet. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'Serial-4711-XZ', Copyright: 'Officer Ivanov' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 21/1', GPSLongitudeRef: 'E', GPSLongitude: '37/1 37/1 4/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description creator="Ivanov-XMP"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

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
    const meta = await sharp(served).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined, 'no EXIF (so no GPS, no camera serial, no thumbnail)');
    assert.equal(meta.xmp, undefined, 'no XMP');
    assert.equal(meta.iptc, undefined, 'no IPTC');
    assert.equal(meta.icc, undefined, 'no ICC profile');
    for (const secret of ['SecretCam', 'Serial-4711', 'Ivanov', 'GPS', 'Exif']) assert.ok(!served.includes(secret), `${secret} is gone`);
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
});
