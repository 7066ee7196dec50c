import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidAccount, isValidBic, isValidCorrespondentAccount, isValidInn, isValidKpp, withControlKey } from '@habeas/contracts';

// Details that organisations publish on their invoices: [BIC, settlement account, correspondent account].
const PUBLISHED: Array<[string, string, string]> = [
  ['044525411', '40702810627060018754', '30101810145250000411'],
  ['043807606', '40702810733270000011', '30101810300000000606'],
  ['040507705', '40702810400060001999', '30101810900000000705'],
];

describe('Russian bank details', () => {
  it('accepts nine-digit Russian BICs and refuses others', () => {
    for (const bic of ['044525225', '044525974', '044030653']) assert.equal(isValidBic(bic), true, bic);
    for (const bic of ['04452522', '144525225', '04452522x', '']) assert.equal(isValidBic(bic), false, bic);
  });

  it('accepts published settlement and correspondent accounts', () => {
    for (const [bic, account, corr] of PUBLISHED) {
      assert.equal(isValidAccount(account, bic), true, `${account} at ${bic}`);
      assert.equal(isValidCorrespondentAccount(corr, bic), true, `${corr} at ${bic}`);
    }
    assert.equal(isValidCorrespondentAccount('30101810400000000225', '044525225'), true);
    assert.equal(isValidCorrespondentAccount('30101810145250000974', '044525974'), true);
  });

  it('refuses an account with one digit changed, a wrong key or a wrong length', () => {
    const [bic, account] = PUBLISHED[0];
    for (let position = 0; position < 20; position++) {
      const changed = account.slice(0, position) + ((Number(account[position]) + 1) % 10) + account.slice(position + 1);
      assert.equal(isValidAccount(changed, bic), false, `digit ${position + 1} changed`);
    }
    assert.equal(isValidAccount(account.slice(1), bic), false, '19 digits');
    assert.equal(isValidAccount(account, '044525412'), false, 'another bank');
  });

  it('refuses a correspondent account with a wrong key or not ending with the BIC', () => {
    assert.equal(isValidCorrespondentAccount('30101810500000000225', '044525225'), false, 'wrong key digit');
    assert.equal(isValidCorrespondentAccount('30101810400000000226', '044525225'), false, 'does not end with the BIC');
    assert.equal(isValidCorrespondentAccount('40702810627060018754', '044525411'), false, 'not a correspondent account');
  });

  it('checks an account at a cash settlement centre with "0" and BIC digits 5-6', () => {
    const bic = '044525000';
    const account = withControlKey('40101810000000010041', bic);
    assert.equal(isValidAccount(account, bic), true);
    assert.equal(account, withControlKey(account, '044525100', true), 'the key is the one of "0" + digits 5-6');
  });

  it('computes the key that makes an account valid', () => {
    for (const bic of ['044525225', '044525974', '049999123']) {
      const account = withControlKey('40703810500000001234', bic);
      assert.equal(isValidAccount(account, bic), true, `${account} at ${bic}`);
      const corr = withControlKey(`30101810000000000${bic.slice(6)}`, bic, true);
      assert.equal(isValidCorrespondentAccount(corr, bic), true, `${corr} at ${bic}`);
    }
  });

  it('checks INN check digits of organisations and people, and the KPP shape', () => {
    assert.equal(isValidInn('7707083893'), true);
    assert.equal(isValidInn('7707083894'), false);
    assert.equal(isValidInn('500100732259'), true);
    assert.equal(isValidInn('500100732258'), false);
    assert.equal(isValidKpp('773601001'), true);
    assert.equal(isValidKpp('7736AB001'), true);
    assert.equal(isValidKpp('77360100'), false);
  });
});
