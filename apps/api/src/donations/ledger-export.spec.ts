import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defuseFormula } from './ledger-export.service';

describe('defuseFormula', () => {
  for (const formula of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://evil","x")'])
    it(`keeps ${JSON.stringify(formula)} from running as a formula`, () => assert.equal(defuseFormula(formula), `'${formula}`));

  for (const plain of ['-12.50', '5000', '-7', 'Ирина', 'refund'])
    it(`leaves ${JSON.stringify(plain)} as it is`, () => assert.equal(defuseFormula(plain), plain));
});
