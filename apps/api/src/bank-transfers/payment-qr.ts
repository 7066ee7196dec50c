import { toString as qrToString } from 'qrcode';

/** What a payment order needs, as GOST R 56042-2014 names it. */
export interface PaymentOrder {
  name: string;
  personalAcc: string;
  bankName: string;
  bic: string;
  correspAcc: string;
  purpose: string;
  payeeInn?: string | null;
  kpp?: string | null;
  /** In kopecks. */
  sumMinor?: number | null;
}

/** The lengths the standard allows; banking apps refuse longer values. */
const MAX = { Name: 160, BankName: 45, Purpose: 210 } as const;

/** "|" separates fields: a value may not contain it (nor line breaks). */
function clean(value: string, max?: number): string {
  const flat = value
    .replace(/[|\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return max ? flat.slice(0, max) : flat;
}

/**
 * The GOST R 56042-2014 payload: `ST0001` (format, version 0001), `2` (UTF-8), then required fields
 * (Name, PersonalAcc, BankName, BIC, CorrespAcc) and the additional ones, `Sum` in kopecks.
 */
export function paymentPayload(order: PaymentOrder): string {
  const fields: Array<[string, string]> = [
    ['Name', clean(order.name, MAX.Name)],
    ['PersonalAcc', order.personalAcc],
    ['BankName', clean(order.bankName, MAX.BankName)],
    ['BIC', order.bic],
    ['CorrespAcc', order.correspAcc],
    ['Purpose', clean(order.purpose, MAX.Purpose)],
  ];
  if (order.payeeInn) fields.push(['PayeeINN', order.payeeInn]);
  if (order.kpp) fields.push(['KPP', order.kpp]);
  if (order.sumMinor) fields.push(['Sum', String(order.sumMinor)]);
  return `ST00012|${fields.map(([key, value]) => `${key}=${value}`).join('|')}`;
}

/** An SVG of the QR code (byte mode, so the UTF-8 text reaches the banking app as it is). */
export async function paymentQrSvg(payload: string): Promise<string> {
  return qrToString([{ data: Buffer.from(payload, 'utf8'), mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
