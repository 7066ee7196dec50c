import type { SealedAt } from '../common/crypto/field-cipher';
/** Where a sealed field of a statement line lives (the payer's name lives in their donor identity). */
export function transferField(column: 'counterparty_name' | 'counterparty_account' | 'counterparty_inn' | 'purpose', transferId: string): SealedAt {
  return { table: 'bank_transfers', column, row: transferId };
}
