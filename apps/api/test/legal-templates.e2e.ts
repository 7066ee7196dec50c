import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

describe('legal templates: shared by every case, managed by admins', () => {
  let t: TestApp;
  let admin: HttpClient;
  let lawyer: HttpClient;
  before(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin@demo.local');
    lawyer = await t.signIn('lawyer@demo.local');
  });
  after(() => t.close());

  const draft = { step: 'complaint_facility', language: 'ru', title: 'Жалоба (вариант команды)', body: '# Жалоба\n{{person.name}}', isDefault: false };

  it('lets lawyers read templates but answers 403 when they create, change or delete one', async () => {
    assert.equal((await lawyer.get('/api/legal-templates?limit=100')).status, 200);
    assert.equal((await lawyer.post('/api/legal-templates', draft)).status, 403);
    const created = await admin.post('/api/legal-templates', draft);
    assert.equal(created.status, 201, created.text);
    assert.equal((await lawyer.get(`/api/legal-templates/${created.body.id}`)).status, 200);
    assert.equal((await lawyer.patch(`/api/legal-templates/${created.body.id}`, { isDefault: true })).status, 403);
    assert.equal((await lawyer.delete(`/api/legal-templates/${created.body.id}`)).status, 403);
    const medic = await t.signIn('medic@demo.local');
    assert.equal((await medic.post('/api/legal-templates', draft)).status, 403);
    const rows = await t.db.query(`select is_default from legal_templates where id = $1`, [created.body.id]);
    assert.deepEqual(rows.rows, [{ is_default: false }], 'the refused change left the template as it was');
  });

  it('changes a template with PATCH and returns it, and deletes it', async () => {
    const created = await admin.post('/api/legal-templates', { ...draft, title: 'Черновик для правки' });
    assert.equal(created.status, 201, created.text);
    const patched = await admin.patch(`/api/legal-templates/${created.body.id}`, { title: 'Исправленный заголовок', isDefault: true });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.id, created.body.id);
    assert.equal(patched.body.title, 'Исправленный заголовок');
    assert.equal(patched.body.isDefault, true);
    assert.equal(patched.body.body, draft.body);
    const read = await lawyer.get(`/api/legal-templates/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual([read.body.title, read.body.isDefault, read.body.body], ['Исправленный заголовок', true, draft.body], 'GET shows the change');
    const defaults = await lawyer.get('/api/legal-templates?step=complaint_facility&language=ru&limit=100');
    assert.deepEqual(
      defaults.body.items.filter((item: { isDefault: boolean }) => item.isDefault).map((item: { id: string }) => item.id),
      [created.body.id],
      'one default per step and language',
    );
    assert.equal((await admin.patch('/api/legal-templates/00000000-0000-4000-8000-000000000000', { title: 'x' })).status, 404);
    assert.equal((await admin.delete(`/api/legal-templates/${created.body.id}`)).status, 204);
    assert.equal((await lawyer.get(`/api/legal-templates/${created.body.id}`)).status, 404);
  });
});
