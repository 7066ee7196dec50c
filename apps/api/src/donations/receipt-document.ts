import type { DonorLanguage } from '@habeas/contracts';
import { formatDate, formatMoney } from '@habeas/contracts';

/** Everything a receipt prints: the fund, the gift and the campaign's public title, never anything else about the case. */
export interface ReceiptFacts {
  receiptId: string;
  legalName: string;
  campaignTitle: string;
  donorName: string | null;
  amountMinor: number;
  currency: string;
  paidAt: Date;
  monthly: boolean;
}

const labels = {
  ru: {
    title: 'Квитанция о пожертвовании',
    number: 'Номер квитанции',
    recipient: 'Получатель',
    donor: 'Жертвователь',
    anonymous: 'не указан',
    date: 'Дата платежа',
    amount: 'Сумма',
    purpose: 'Назначение',
    purposeText: (title: string, monthly: boolean) =>
      `${monthly ? 'Ежемесячное добровольное пожертвование' : 'Добровольное пожертвование'} на кампанию «${title}»`,
    note: 'Пожертвование сделано безвозмездно: за него не предоставлялись товары или услуги. Квитанция сформирована автоматически и действительна без подписи.',
  },
  en: {
    title: 'Donation receipt',
    number: 'Receipt number',
    recipient: 'Recipient',
    donor: 'Donor',
    anonymous: 'not given',
    date: 'Date of payment',
    amount: 'Amount',
    purpose: 'Purpose',
    purposeText: (title: string, monthly: boolean) => `${monthly ? 'Monthly voluntary donation' : 'Voluntary donation'} to the campaign “${title}”`,
    note: 'This donation was given freely: no goods or services were provided in return. This receipt was issued automatically and is valid without a signature.',
  },
} as const;

/** The pdfmake definition of one receipt in the donor's language (DejaVu covers Cyrillic). */
export function receiptDocument(facts: ReceiptFacts, language: DonorLanguage): Record<string, unknown> {
  const l = labels[language];
  const row = (label: string, value: string) => [
    { text: label, color: '#444444' },
    { text: value, bold: label === l.amount },
  ];
  return {
    info: { title: `${l.title} ${facts.receiptId}`, author: facts.legalName },
    pageSize: 'A5',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.25 },
    content: [
      { text: facts.legalName, fontSize: 12, bold: true, margin: [0, 0, 0, 12] },
      { text: l.title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] },
      {
        table: {
          widths: ['auto', '*'],
          body: [
            row(l.number, facts.receiptId),
            row(l.recipient, facts.legalName),
            row(l.donor, facts.donorName ?? l.anonymous),
            row(l.date, formatDate(facts.paidAt, language, 'UTC')),
            row(l.amount, `${formatMoney(facts.amountMinor, facts.currency, language)} (${facts.currency})`),
            row(l.purpose, l.purposeText(facts.campaignTitle, facts.monthly)),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: l.note, fontSize: 8, color: '#444444', margin: [0, 16, 0, 0] },
    ],
  };
}
