import iconv from 'iconv-lite';

export interface DemoDocument {
  number: string;
  date: string;
  amountRub: string;
  direction: 'in' | 'out';
  counterparty: string;
  counterpartyAccount: string;
  counterpartyInn?: string;
  purpose: string;
}

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A statement as a Russian bank exports it for accounting software: Windows-1251, CRLF. */
export function renderStatement(account: string, from: string, to: string, documents: DemoDocument[]): Buffer {
  const rows = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'Отправитель=ДЕМО-БАНК',
    `ДатаСоздания=${ddmmyyyy(to)}`,
    `ДатаНачала=${ddmmyyyy(from)}`,
    `ДатаКонца=${ddmmyyyy(to)}`,
    `РасчСчет=${account}`,
    'СекцияРасчСчет',
    `ДатаНачала=${ddmmyyyy(from)}`,
    `ДатаКонца=${ddmmyyyy(to)}`,
    `РасчСчет=${account}`,
    'КонецРасчСчет',
  ];
  for (const doc of documents) {
    const incoming = doc.direction === 'in';
    const payer = incoming ? { name: doc.counterparty, account: doc.counterpartyAccount, inn: doc.counterpartyInn ?? '' } : { name: 'Фонд', account, inn: '' };
    const payee = incoming ? { name: 'Фонд', account, inn: '' } : { name: doc.counterparty, account: doc.counterpartyAccount, inn: doc.counterpartyInn ?? '' };
    rows.push(
      'СекцияДокумент=Платежное поручение',
      `Номер=${doc.number}`,
      `Дата=${ddmmyyyy(doc.date)}`,
      `Сумма=${doc.amountRub}`,
      `ПлательщикСчет=${payer.account}`,
      `Плательщик=${payer.inn ? `ИНН ${payer.inn} ` : ''}${payer.name}`,
      `ПлательщикИНН=${payer.inn}`,
      `Плательщик1=${payer.name}`,
      `ПолучательСчет=${payee.account}`,
      `Получатель=${payee.inn ? `ИНН ${payee.inn} ` : ''}${payee.name}`,
      `ПолучательИНН=${payee.inn}`,
      `Получатель1=${payee.name}`,
      incoming ? `ДатаПоступило=${ddmmyyyy(doc.date)}` : `ДатаСписано=${ddmmyyyy(doc.date)}`,
      'ВидПлатежа=электронно',
      `НазначениеПлатежа=${doc.purpose}`,
      'КонецДокумента',
    );
  }
  rows.push('КонецФайла', '');
  return iconv.encode(rows.join('\r\n'), 'win1251');
}
