import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPdfDocument } from '../common/pdf/pdf-renderer';
import { receiptDocument, type ReceiptFacts } from './receipt-document';

const facts: ReceiptFacts = {
  receiptId: '6f1b0c36-1111-4222-8333-944455556666',
  legalName: 'АНО «Правовая защита»',
  campaignTitle: 'Защита Воронцова',
  donorName: 'Ольга',
  amountMinor: 5000,
  currency: 'JPY',
  paidAt: new Date('2026-05-08T12:00:00Z'),
  monthly: false,
};

async function textOf(definition: Record<string, unknown>): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await renderPdfDocument(definition);
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text.replace(/\s+/g, ' ');
}

describe('receipt document', () => {
  it('prints a Russian receipt with the fund, the amount in the currency’s own decimals and the date', async () => {
    const text = await textOf(receiptDocument(facts, 'ru'));
    for (const expected of ['Квитанция о пожертвовании', 'АНО «Правовая защита»', '8 мая 2026 г.', '5 000 ¥', 'Защита Воронцова', 'Ольга', facts.receiptId])
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    assert.ok(!text.includes('5 000,00'), 'JPY has no decimals');
  });

  it('prints an English receipt for a monthly gift in KWD with three decimals', async () => {
    const text = await textOf(receiptDocument({ ...facts, amountMinor: 12500, currency: 'KWD', monthly: true, donorName: null }, 'en'));
    for (const expected of ['Donation receipt', '8 May 2026', '12.500', 'Monthly voluntary donation', 'not given'])
      assert.ok(text.includes(expected), `${expected} in ${text}`);
    assert.ok(!text.includes('Квитанция'));
  });
});
