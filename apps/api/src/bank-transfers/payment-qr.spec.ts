import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paymentPayload, paymentQrSvg } from './payment-qr';

const order = {
  name: 'Фонд «Защита» | ДЕМО',
  personalAcc: '40703810000000001234',
  bankName: 'ДЕМО-БАНК',
  bic: '049999123',
  correspAcc: '30101810000000000123',
  purpose: 'Пожертвование на защиту, код D7K2Q',
};

describe('payment QR payload (GOST R 56042-2014)', () => {
  it('starts with the format, version and UTF-8 flag and lists the required fields in order', () => {
    assert.equal(
      paymentPayload({ ...order, sumMinor: 150000 }),
      'ST00012|Name=Фонд «Защита» ДЕМО|PersonalAcc=40703810000000001234|BankName=ДЕМО-БАНК|BIC=049999123|CorrespAcc=30101810000000000123|Purpose=Пожертвование на защиту, код D7K2Q|Sum=150000',
    );
  });

  it('leaves Sum out when no amount was chosen and adds INN and KPP when known', () => {
    const payload = paymentPayload({ ...order, payeeInn: '7707083893', kpp: '773601001' });
    assert.ok(!payload.includes('Sum='));
    assert.ok(payload.endsWith('|PayeeINN=7707083893|KPP=773601001'));
  });

  it('cuts values to the lengths banking apps accept', () => {
    const payload = paymentPayload({ ...order, bankName: 'Б'.repeat(80), purpose: 'П'.repeat(300) });
    assert.ok(payload.includes(`|BankName=${'Б'.repeat(45)}|`));
    assert.ok(payload.includes(`|Purpose=${'П'.repeat(210)}`));
  });

  it('draws an SVG', async () => {
    const svg = await paymentQrSvg(paymentPayload(order));
    assert.match(svg, /^<svg[^>]+viewBox/);
  });
});
