import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, capabilities, roleCan, seesAllCasesFor } from './permissions';

describe('permission table', () => {
  it('gives the admin every capability', () => {
    for (const capability of capabilities) assert.equal(roleCan('admin', capability), true, capability);
  });

  for (const [role, capability, expected] of [
    ['lawyer', 'cases:write', true],
    ['lawyer', 'legal:work', true],
    ['lawyer', 'alerts:work', false],
    ['medical', 'alerts:work', true],
    ['medical', 'legal:work', false],
    ['medical', 'cases:write', false],
    ['finance', 'money:write', true],
    ['finance', 'cases:read', false],
    ['finance', 'users:manage', false],
  ] as const) {
    it(`${expected ? 'lets' : 'does not let'} ${role} ${capability}`, () => {
      assert.equal(can({ role }, capability), expected);
    });
  }

  it('lets nobody do anything without a signed-in user', () => {
    assert.equal(can(null, 'cases:list'), false);
    assert.equal(can(undefined, 'cases:list'), false);
  });

  it('shows finance every case for money only', () => {
    assert.equal(seesAllCasesFor('finance', 'money:read'), true);
    assert.equal(seesAllCasesFor('finance', 'cases:read'), false);
    assert.equal(seesAllCasesFor('lawyer', 'cases:read'), false);
  });
});
