import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Capability, Role } from '@habeas/contracts';
import { INJECTABLE_WATERMARK } from '@nestjs/common/constants';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase } from '../../test/support/test-database';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { CaseAccess } from './case-access.service';
import { CasesRepository } from './cases.repository';

/** CaseAccess against a real PostgreSQL (its SQL is half of the rule), without starting the app. */
describe('case access', () => {
  let url: string;
  let pool: Pool;
  let access: CaseAccess;
  const users: Record<string, Actor> = {};
  const cases = {
    mine: { id: randomUUID(), slug: `mine-${randomUUID().slice(0, 8)}`, title: 'Mine' },
    other: { id: randomUUID(), slug: 'other-case', title: 'Other' },
  };

  const actor = (role: Role): Actor => ({
    id: randomUUID(),
    email: `${role}-${randomUUID()}@example.org`,
    name: role,
    role,
    sessionId: 's',
    ip: '',
    userAgent: '',
  });

  before(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 2 });
    access = new CaseAccess(
      new CasesRepository({ query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows) } as unknown as DataSource),
    );
    for (const [key, role] of [
      ['admin', 'admin'],
      ['finance', 'finance'],
      ['member', 'lawyer'],
      ['stranger', 'lawyer'],
      ['medic', 'medical'],
      ['disabledMedic', 'medical'],
      ['otherMember', 'lawyer'],
    ] as const) {
      users[key] = actor(role);
      await pool.query(`insert into users (id, email, name, role, disabled_at) values ($1, $2, $3, $4, $5)`, [
        users[key].id,
        users[key].email,
        key,
        role,
        key === 'disabledMedic' ? new Date() : null,
      ]);
    }
    for (const c of Object.values(cases)) await pool.query(`insert into cases (id, slug, title) values ($1, $2, $3)`, [c.id, c.slug, c.title]);
    for (const key of ['member', 'medic', 'disabledMedic'])
      await pool.query(`insert into case_members (case_id, user_id, role_on_case) values ($1, $2, 'counsel')`, [cases.mine.id, users[key].id]);
    await pool.query(`insert into case_members (case_id, user_id, role_on_case) values ($1, $2, 'counsel')`, [cases.other.id, users.otherMember.id]);
  });
  after(async () => {
    await pool?.end();
    if (url) await dropTestDatabase(url);
  });

  const refused = (promise: Promise<unknown>) =>
    assert.rejects(promise, (error: unknown) => error instanceof NotFound && (error as NotFound).message === 'Case not found');

  it('is built by Nest’s injector: injectable, with the cases repository as its constructor’s type', () => {
    assert.equal(Reflect.getMetadata(INJECTABLE_WATERMARK, CaseAccess), true);
    assert.deepEqual(Reflect.getMetadata('design:paramtypes', CaseAccess), [CasesRepository]);
  });

  it('answers a record of no case, or of a case the actor may not use, with the same 404 named after the record', async () => {
    const refusedAs = (promise: Promise<unknown>) =>
      assert.rejects(promise, (error: unknown) => error instanceof NotFound && (error as NotFound).message === 'Document not found');
    assert.equal(await access.assertRecord(users.member, cases.mine.id, 'cases:read', 'Document'), undefined);
    await refusedAs(access.assertRecord(users.member, undefined, 'cases:read', 'Document'));
    await refusedAs(access.assertRecord(users.stranger, cases.mine.id, 'cases:read', 'Document'));
    await assert.rejects(
      access.assertRecord({ ...users.member, id: 'not-a-uuid' }, cases.mine.id, 'cases:read', 'Document'),
      (error: unknown) => !(error instanceof NotFound),
      'any other failure is not turned into a 404',
    );
  });

  it('gives a member the case by id, by upper-case id and by slug', async () => {
    for (const key of [cases.mine.id, cases.mine.id.toUpperCase(), cases.mine.slug]) {
      assert.deepEqual(await access.resolve(users.member, key, 'cases:read'), cases.mine, key);
    }
  });

  it('answers "not found" to a non-member, exactly as for a case that does not exist', async () => {
    await refused(access.resolve(users.stranger, cases.mine.id, 'cases:read'));
    await refused(access.resolve(users.stranger, cases.mine.slug, 'cases:read'));
    await refused(access.resolve(users.member, randomUUID(), 'cases:read'));
    await refused(access.resolve(users.member, 'no-such-case', 'cases:read'));
    await refused(access.resolve(users.otherMember, cases.mine.id, 'cases:read'));
  });

  it('does not take a slug that merely looks like a UUID prefix, nor an id given as a slug', async () => {
    await refused(access.resolve(users.member, `${cases.mine.id}x`, 'cases:read'));
    await refused(access.resolve(users.member, `x${cases.mine.id}`, 'cases:read'));
    await refused(access.resolve(users.member, cases.mine.id.slice(0, 8), 'cases:read'));
  });

  it('lets an admin see every case, and finance only for money', async () => {
    assert.deepEqual(await access.resolve(users.admin, cases.other.slug, 'medical:read'), cases.other);
    const money: Capability[] = ['money:read', 'money:write', 'cases:list'];
    for (const capability of money) assert.deepEqual(await access.resolve(users.finance, cases.mine.id, capability), cases.mine, capability);
    for (const capability of ['cases:read', 'medical:read', 'documents:read'] as Capability[]) {
      await refused(access.resolve(users.finance, cases.mine.id, capability));
    }
  });

  it('asserts a case known by id the same way', async () => {
    assert.deepEqual(await access.assertCase(users.member, cases.mine.id, 'cases:read'), cases.mine);
    await refused(access.assertCase(users.stranger, cases.mine.id, 'cases:read'));
  });

  it('lists the cases an actor may use, or all of them', async () => {
    assert.equal(await access.visibleCaseIds(users.admin, 'cases:read'), 'all');
    assert.equal(await access.visibleCaseIds(users.finance, 'money:read'), 'all');
    assert.deepEqual(await access.visibleCaseIds(users.finance, 'cases:read'), []);
    assert.deepEqual(await access.visibleCaseIds(users.member, 'cases:read'), [cases.mine.id]);
    assert.deepEqual(await access.visibleCaseIds(users.otherMember, 'cases:read'), [cases.other.id]);
    assert.deepEqual(await access.visibleCaseIds(users.stranger, 'cases:read'), []);
  });

  it('knows who is a member of which case', async () => {
    assert.equal(await access.isMember(users.member.id, cases.mine.id), true);
    assert.equal(await access.isMember(users.member.id, cases.other.id), false);
    assert.equal(await access.isMember(users.stranger.id, cases.mine.id), false);
  });

  it('finds the active members with given roles (the medical staff to alert), ordered by email', async () => {
    const medics = await access.membersWithRoles(cases.mine.id, ['medical']);
    assert.deepEqual(medics, [{ id: users.medic.id, email: users.medic.email, name: 'medic', role: 'medical', language: 'ru' }]);
    const both = await access.membersWithRoles(cases.mine.id, ['medical', 'lawyer']);
    assert.deepEqual(
      both.map((m) => m.email),
      [users.medic.email, users.member.email].sort(),
    );
    assert.deepEqual(await access.membersWithRoles(cases.other.id, ['medical']), []);
  });
});
