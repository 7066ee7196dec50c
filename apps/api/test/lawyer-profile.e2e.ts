import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Fixtures } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

describe('a document edited in its drawer, and a lawyer’s registry number', () => {
  let t: TestApp;
  let f: Fixtures;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
  });
  after(() => t?.close());

  it('changes title, kind, status and filing date, and audits old and new values', async () => {
    const theCase = await f.newCase();
    const lawyer = await f.newUser('lawyer');
    await f.addMember(theCase.id, lawyer);
    const document = await f.newDocument(theCase.id);
    const patch = { title: 'Апелляционная жалоба на постановление', kind: 'appeal', status: 'filed', filedAt: '2026-05-08T09:00:00.000Z' };
    const changed = await lawyer.client.patch(`/api/documents/${document.id}`, patch);
    assert.equal(changed.status, 200);
    assert.deepEqual([changed.body.title, changed.body.kind, changed.body.status, changed.body.filedAt], Object.values(patch));
    const audit = await f.admin.get(`/api/audit-log?entityType=document&entityId=${document.id}`);
    const entry = audit.body.items.find((item: { action: string; actorId: string }) => item.action === 'document.update' && item.actorId === lawyer.id);
    assert.ok(entry, JSON.stringify(audit.body.items));
    assert.deepEqual(entry.details.changes.title, { from: document.title, to: patch.title });
    assert.deepEqual(entry.details.changes.filedAt, { from: null, to: patch.filedAt });
    assert.equal((await lawyer.client.patch(`/api/documents/${document.id}`, { status: 'lost' })).status, 400);
    assert.equal((await lawyer.client.patch(`/api/documents/${document.id}`, { title: '' })).status, 400);
  });

  it('keeps the registry number a lawyer enters, checks its form, and lets admins set it', async () => {
    const lawyer = await f.newUser('lawyer');
    const saved = await lawyer.client.patch('/api/auth/me', { advocateRegistryNumber: '77/15342' });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.user.advocateRegistryNumber, '77/15342');
    assert.equal((await lawyer.client.get('/api/auth/me')).body.user.advocateRegistryNumber, '77/15342');
    assert.equal((await lawyer.client.patch('/api/auth/me', { advocateRegistryNumber: 'seventy-seven' })).status, 400);
    const medic = await f.newUser('medical');
    assert.equal((await medic.client.patch('/api/auth/me', { advocateRegistryNumber: '77/1' })).status, 403);
    const byAdmin = await f.admin.patch(`/api/users/${lawyer.id}`, { advocateRegistryNumber: '50/123' });
    assert.equal(byAdmin.status, 200);
    assert.equal(byAdmin.body.advocateRegistryNumber, '50/123');
    const audit = await f.admin.get(`/api/audit-log?entityType=user&entityId=${lawyer.id}`);
    const actions = audit.body.items.map((item: { action: string }) => item.action);
    assert.ok(actions.includes('user.update-self') && actions.includes('user.registry-number-changed'), JSON.stringify(actions));
  });
});
