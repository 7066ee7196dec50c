import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditPage, contactEvent, medicalIncident, recordVersions } from '@habeas/contracts';
import { expectBody, Fixtures, type FixtureCase, type FixtureUser } from './support/fixtures';
import { startTestApp, type TestApp } from './support/test-app';

const FIRST = 'Dizziness-after-the-night-7310 in the cell';
const SECOND = 'Dizziness and a fall-8821, bruised forehead';

describe('corrections of medical incidents and contact-log entries keep every earlier version', () => {
  let t: TestApp;
  let f: Fixtures;
  let medic: FixtureUser;
  let lawyer: FixtureUser;
  let outsider: FixtureUser;
  let theCase: FixtureCase;
  before(async () => {
    t = await startTestApp();
    f = await Fixtures.of(t);
    medic = await f.newUser('medical');
    lawyer = await f.newUser('lawyer');
    outsider = await f.newUser('medical');
    theCase = await f.newCase({ members: [medic, lawyer] });
  });
  after(() => t?.close());

  it('corrects an incident: the new text is current, the earlier one stays readable with who, when and why', async () => {
    const incident = await f.newIncident(theCase.id, { description: FIRST, severity: 'low' }, medic.client);
    const corrected = expectBody(
      await medic.client.patch(`/api/medical-incidents/${incident.id}`, {
        description: SECOND,
        severity: 'moderate',
        reason: 'Typo; the fall was reported later',
      }),
      200,
      medicalIncident,
    );
    assert.deepEqual([corrected.description, corrected.severity, corrected.version], [SECOND, 'moderate', 2]);
    const history = expectBody(await lawyer.client.get(`/api/medical-incidents/${incident.id}/versions`), 200, recordVersions);
    assert.equal(history.items.length, 1);
    assert.equal(history.items[0].version, 1);
    assert.equal(history.items[0].content.description, FIRST);
    assert.equal(history.items[0].content.severity, 'low');
    assert.equal(history.items[0].reason, 'Typo; the fall was reported later');
    assert.equal(history.items[0].correctedBy, 'Fixture medical');

    const again = expectBody(
      await medic.client.patch(`/api/medical-incidents/${incident.id}`, { outcome: 'Seen by the doctor', reason: 'Outcome known' }),
      200,
      medicalIncident,
    );
    assert.equal(again.version, 3);
    const twice = expectBody(await medic.client.get(`/api/medical-incidents/${incident.id}/versions`), 200, recordVersions);
    assert.deepEqual(
      twice.items.map((v) => [v.version, v.content.description]),
      [
        [2, SECOND],
        [1, FIRST],
      ],
    );
  });

  it('keeps earlier versions sealed at rest, like the incident itself', async () => {
    const incident = await f.newIncident(theCase.id, { description: FIRST }, medic.client);
    await medic.client.patch(`/api/medical-incidents/${incident.id}`, { description: SECOND, reason: 'Corrected-reason-5512' });
    const { rows } = await t.db.query(`select content, reason from medical_incident_versions where incident_id = $1`, [incident.id]);
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes('7310'), 'no plaintext description in the versions table');
    assert.ok(!JSON.stringify(rows).includes('5512'), 'no plaintext reason');
  });

  it('audits each correction with the fields it changed, never their values', async () => {
    const incident = await f.newIncident(theCase.id, { description: FIRST }, medic.client);
    await medic.client.patch(`/api/medical-incidents/${incident.id}`, { description: SECOND, facility: 'SIZO-1', reason: 'More precise' });
    const log = expectBody(
      await f.admin.get(`/api/audit-log?entityType=medical_incident&entityId=${incident.id}&action=medical_incident.correct`),
      200,
      auditPage,
    );
    assert.equal(log.items.length, 1);
    assert.deepEqual(log.items[0].details, { version: 2, fields: ['description', 'facility'] });
    assert.ok(!JSON.stringify(log.items[0]).includes('8821'));
  });

  it('refuses a correction without a reason (400) or that changes nothing (409), and hides other cases’ incidents (404)', async () => {
    const incident = await f.newIncident(theCase.id, { description: FIRST }, medic.client);
    assert.equal((await medic.client.patch(`/api/medical-incidents/${incident.id}`, { description: SECOND })).status, 400);
    assert.equal((await medic.client.patch(`/api/medical-incidents/${incident.id}`, { description: FIRST, reason: 'same' })).status, 409);
    assert.equal((await outsider.client.patch(`/api/medical-incidents/${incident.id}`, { description: SECOND, reason: 'x' })).status, 404);
    assert.equal((await outsider.client.get(`/api/medical-incidents/${incident.id}/versions`)).status, 404);
    const unchanged = expectBody(await medic.client.get(`/api/medical-incidents/${incident.id}`), 200, medicalIncident);
    assert.deepEqual([unchanged.description, unchanged.version], [FIRST, 1]);
  });

  it('corrects a contact-log entry and keeps the earlier version; the result must still be a valid entry', async () => {
    const created = await f.newContact(theCase.id, lawyer.client);
    const entry = created.event;
    const corrected = expectBody(
      await lawyer.client.patch(`/api/contact-events/${entry.id}`, { notes: 'Visit lasted 40 minutes', reason: 'Added the length' }),
      200,
      contactEvent,
    );
    assert.deepEqual([corrected.notes, corrected.version], ['Visit lasted 40 minutes', 2]);
    const history = expectBody(await medic.client.get(`/api/contact-events/${entry.id}/versions`), 200, recordVersions);
    assert.deepEqual(
      history.items.map((v) => [v.version, v.content.notes ?? null, v.reason]),
      [[1, entry.notes, 'Added the length']],
    );
    const invalid = await lawyer.client.patch(`/api/contact-events/${entry.id}`, { status: 'delivered', reason: 'wrong status' });
    assert.equal(invalid.status, 400, invalid.text);
    assert.equal(
      (await medic.client.patch(`/api/contact-events/${entry.id}`, { notes: 'x', reason: 'y' })).status,
      403,
      'medical staff do not change the contact log',
    );
    assert.equal((await outsider.client.get(`/api/contact-events/${entry.id}/versions`)).status, 404);
    const log = expectBody(await f.admin.get(`/api/audit-log?entityType=contact_event&entityId=${entry.id}&action=contact_event.correct`), 200, auditPage);
    assert.deepEqual(log.items[0]?.details.fields, ['notes']);
  });
});
