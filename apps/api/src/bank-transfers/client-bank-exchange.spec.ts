import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { parseStatement, StatementFormatError } from './client-bank-exchange';

const OURS = '40703810000000001234';
const statement = (documents: string[]) =>
  [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'ДатаНачала=01.11.2026',
    'ДатаКонца=30.11.2026',
    `РасчСчет=${OURS}`,
    'СекцияРасчСчет',
    'ДатаНачала=01.11.2026',
    `РасчСчет=${OURS}`,
    'КонецРасчСчет',
    ...documents,
    'КонецФайла',
  ].join('\r\n');
const incoming = [
  'СекцияДокумент=Платежное поручение',
  'Номер=501',
  'Дата=03.11.2026',
  'Сумма=1500.00',
  'ПлательщикСчет=40817810099910004312',
  'Плательщик=ИНН 500100732259 Петров Пётр Петрович',
  'Плательщик1=Петров Пётр Петрович',
  'ПлательщикИНН=500100732259',
  `ПолучательСчет=${OURS}`,
  'ДатаПоступило=04.11.2026',
  'НазначениеПлатежа=Пожертвование на защиту, код D7K2Q',
  'КонецДокумента',
].join('\r\n');
const outgoing = [
  'СекцияДокумент=Платежное поручение',
  'Номер=12',
  'Дата=05.11.2026',
  'Сумма=25 000,5',
  `ПлательщикСчет=${OURS}`,
  'ПолучательСчет=40702810627060018754',
  'Получатель1=Адвокатское бюро',
  'ДатаСписано=05.11.2026',
  'НазначениеПлатежа=Оплата юридической помощи',
  'КонецДокумента',
].join('\r\n');

describe('1CClientBankExchange statements', () => {
  it('reads a Windows-1251 statement: incoming and outgoing documents from the account holder side', () => {
    const parsed = parseStatement(iconv.encode(statement([incoming, outgoing]), 'win1251'));
    assert.equal(parsed.encoding, 'windows-1251');
    assert.equal(parsed.account, OURS);
    assert.equal(parsed.from, '2026-11-01');
    const [first, second] = parsed.lines;
    assert.deepEqual(
      { ...first, key: undefined },
      {
        direction: 'in',
        number: '501',
        date: '2026-11-04',
        amountMinor: 150000,
        counterpartyName: 'Петров Пётр Петрович',
        counterpartyAccount: '40817810099910004312',
        counterpartyInn: '500100732259',
        purpose: 'Пожертвование на защиту, код D7K2Q',
        key: undefined,
      },
    );
    assert.equal(second.direction, 'out');
    assert.equal(second.amountMinor, 2500050);
    assert.equal(second.counterpartyName, 'Адвокатское бюро');
  });

  it('reads the same statement in UTF-8 (with or without BOM) with the same document keys', () => {
    const win = parseStatement(iconv.encode(statement([incoming, outgoing]), 'win1251'));
    const utf = parseStatement(Buffer.from(`\ufeff${statement([incoming, outgoing])}`, 'utf8'));
    assert.equal(utf.encoding, 'utf-8');
    assert.deepEqual(
      utf.lines.map((l) => l.key),
      win.lines.map((l) => l.key),
    );
  });

  it('gives a document the same key in an overlapping statement', () => {
    const a = parseStatement(Buffer.from(statement([incoming]), 'utf8'));
    const b = parseStatement(Buffer.from(statement([outgoing, incoming]), 'utf8'));
    assert.equal(a.lines[0].key, b.lines[1].key);
    assert.notEqual(b.lines[0].key, b.lines[1].key);
  });

  it('refuses files that are not statements', () => {
    assert.throws(() => parseStatement(Buffer.from('hello')), StatementFormatError);
    assert.throws(() => parseStatement(Buffer.from(statement([incoming.replace('КонецДокумента', '')]))), StatementFormatError);
    assert.throws(() => parseStatement(Buffer.from(statement([incoming.replace('Сумма=1500.00', 'Сумма=abc')]))), StatementFormatError);
  });
});
