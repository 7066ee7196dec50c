import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** One payment document of a statement, seen from the account the statement is of. */
export interface StatementLine {
  direction: 'in' | 'out';
  number: string;
  date: string;
  /** Kopecks. */
  amountMinor: number;
  counterpartyName: string;
  counterpartyAccount: string;
  counterpartyInn: string;
  purpose: string;
  /** Same document in any statement that contains it (overlapping periods, re-exports). */
  key: string;
}

export interface Statement {
  encoding: 'utf-8' | 'windows-1251' | 'cp866';
  account: string;
  from: string | null;
  to: string | null;
  lines: StatementLine[];
}

export class StatementFormatError extends Error {}

const HEADER = '1CClientBankExchange';

/** UTF-8 when the bytes are valid UTF-8; otherwise the encoding the header names (Windows or DOS). */
function decode(bytes: Buffer): { text: string; encoding: Statement['encoding'] } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const guess = iconv.decode(body, 'win1251');
    const named = /^Кодировка=(\S+)/m.exec(guess)?.[1]?.toUpperCase();
    if (named === 'DOS') return { text: iconv.decode(body, 'cp866'), encoding: 'cp866' };
    return { text: guess, encoding: 'windows-1251' };
  }
}

/** "1 500.50" or "1500,5" → kopecks. */
function kopecks(value: string): number {
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(value.replace(/\s/g, ''));
  if (!match) throw new StatementFormatError(`Сумма: "${value}" is not an amount`);
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** dd.mm.yyyy → yyyy-mm-dd */
function isoDate(value: string | undefined): string | null {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec((value ?? '').trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
}

/**
 * Parses a statement in the exchange format Russian banks export for accounting software
 * ("1CClientBankExchange", key=value lines, one section per payment document).
 */
export function parseStatement(bytes: Buffer): Statement {
  const { text, encoding } = decode(bytes);
  const rows = text.split(/\r?\n/).map((row) => row.trim());
  if (rows[0] !== HEADER) throw new StatementFormatError(`Not a bank statement: the file must begin with "${HEADER}"`);
  const header: Record<string, string> = {};
  const documents: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  let inAccountSection = false;
  for (const row of rows.slice(1)) {
    if (!row) continue;
    if (row.startsWith('СекцияДокумент')) {
      current = {};
      continue;
    }
    if (row === 'КонецДокумента') {
      if (current) documents.push(current);
      current = null;
      continue;
    }
    if (row === 'СекцияРасчСчет') inAccountSection = true;
    if (row === 'КонецРасчСчет') inAccountSection = false;
    if (row === 'КонецФайла') break;
    const at = row.indexOf('=');
    if (at < 0) continue;
    const key = row.slice(0, at);
    const value = row.slice(at + 1).trim();
    if (current) current[key] = value;
    else if (!inAccountSection && !(key in header)) header[key] = value;
    else if (inAccountSection && key === 'РасчСчет' && !header['РасчСчет']) header[key] = value;
  }
  if (current) throw new StatementFormatError('The statement ends inside a document (no КонецДокумента)');
  const account = header['РасчСчет'] ?? '';
  if (!/^\d{20}$/.test(account)) throw new StatementFormatError('РасчСчет: the statement names no 20-digit account');
  return { encoding, account, from: isoDate(header['ДатаНачала']), to: isoDate(header['ДатаКонца']), lines: documents.map((doc) => lineOf(doc, account)) };
}

function lineOf(doc: Record<string, string>, account: string): StatementLine {
  const incoming = doc['ПолучательСчет'] === account || (doc['ПлательщикСчет'] !== account && Boolean(doc['ДатаПоступило']));
  const date = isoDate(incoming ? (doc['ДатаПоступило'] ?? doc['Дата']) : (doc['ДатаСписано'] ?? doc['Дата'])) ?? isoDate(doc['Дата']);
  if (!date) throw new StatementFormatError(`Дата: document ${doc['Номер'] ?? '?'} has no date`);
  const side = incoming ? 'Плательщик' : 'Получатель';
  const line = {
    direction: incoming ? ('in' as const) : ('out' as const),
    number: doc['Номер'] ?? '',
    date,
    amountMinor: kopecks(doc['Сумма'] ?? ''),
    counterpartyName: doc[`${side}1`] || doc[side] || '',
    counterpartyAccount: doc[`${side}Счет`] || doc[`${side}РасчСчет`] || '',
    counterpartyInn: doc[`${side}ИНН`] ?? '',
    purpose: doc['НазначениеПлатежа'] ?? '',
  };
  const key = createHash('sha256')
    .update([account, line.direction, line.number, isoDate(doc['Дата']) ?? date, line.amountMinor, line.counterpartyAccount, line.purpose].join('\u0000'))
    .digest('hex');
  return { ...line, key };
}
