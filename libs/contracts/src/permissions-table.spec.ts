import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from './auth';
import { can, capabilities, roleCan, seesAllCasesFor, type Capability } from './permissions';

/** The product's rules, written out cell by cell (not derived from the table under test). */
const expected: Record<Role, Capability[]> = {
  admin: [
    'cases:list',
    'cases:read',
    'cases:write',
    'cases:create',
    'cases:manage-members',
    'legal:work',
    'documents:read',
    'documents:write',
    'documents:privileged',
    'medical:read',
    'medical:write',
    'alerts:work',
    'money:read',
    'money:write',
    'users:manage',
    'audit:read',
    'dossiers:create',
    'templates:manage',
    'updates:draft',
    'updates:approve',
    'oncall:manage',
    'intake:links',
    'intake:triage',
    'solidarity:moderate',
  ],
  lawyer: [
    'cases:list',
    'cases:read',
    'cases:write',
    'legal:work',
    'documents:read',
    'documents:write',
    'documents:privileged',
    'medical:read',
    'medical:write',
    'dossiers:create',
    'updates:draft',
    'updates:approve',
    'intake:links',
    'intake:triage',
    'solidarity:moderate',
  ],
  medical: [
    'cases:list',
    'cases:read',
    'documents:read',
    'documents:write',
    'medical:read',
    'medical:write',
    'alerts:work',
    'updates:draft',
    'intake:triage',
    'solidarity:moderate',
  ],
  finance: ['cases:list', 'money:read', 'money:write'],
};

describe('permission table, cell by cell', () => {
  it('names exactly the capabilities the product knows', () => {
    assert.deepEqual([...capabilities].sort(), [...expected.admin].sort());
  });

  for (const role of Object.keys(expected) as Role[]) {
    it(`${role}: grants exactly its capabilities`, () => {
      const granted = expected.admin.filter((capability) => roleCan(role, capability));
      assert.deepEqual(granted, expected[role]);
      for (const capability of expected.admin) assert.equal(can({ role }, capability), expected[role].includes(capability), `${role} ${capability}`);
    });
  }

  it('grants nothing without a user', () => {
    for (const capability of expected.admin) {
      assert.equal(can(null, capability), false);
      assert.equal(can(undefined, capability), false);
    }
  });

  it('lets admins see every case for everything, finance every case for money and the case list only', () => {
    const allCases: Array<[Role, Capability[]]> = [
      ['admin', expected.admin],
      ['finance', ['cases:list', 'money:read', 'money:write']],
      ['lawyer', []],
      ['medical', []],
    ];
    for (const [role, seen] of allCases) {
      for (const capability of expected.admin) assert.equal(seesAllCasesFor(role, capability), seen.includes(capability), `${role} ${capability}`);
    }
  });
});
