import { formatDate, formatMoney } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { Mail } from '../mail/mail.service';
import { openDonorField } from './donor-identity';
import { DonorLinksRepository } from './donor-links.repository';
import { rowsOf } from '../common/database/sql';

type Language = 'ru' | 'en';

/** The outbox's erase key of mails about a donor: erasing the donor deletes them (DonationsService.eraseDonors). */
export function donorEraseKey(donorId: string): string {
  return `donor:${donorId}`;
}

/** Where the donor sees their gifts, downloads receipts and cancels or changes a monthly gift. */
interface Links {
  page: string;
  receipt: string;
}

interface Recipient {
  donorId: string;
  email: string;
  name: string | null;
  language: Language;
  donationId: string;
  kind: string;
  caseTitle: string;
}

const texts = {
  thanks: {
    ru: (r: Recipient, amount: string, day: string, links: Links) => ({
      subject: 'Спасибо за пожертвование',
      text:
        `${r.name ? `Здравствуйте, ${r.name}!` : 'Здравствуйте!'}\n\nСпасибо за пожертвование ${amount} (${day}) на кампанию «${r.caseTitle}».\n\n` +
        `Квитанция (PDF): ${links.receipt}\n` +
        `Ваши пожертвования и все квитанции: ${links.page}\n` +
        (r.kind === 'recurring' ? 'По этой же ссылке ежемесячное пожертвование можно изменить или отменить в любой момент.\n' : '') +
        '\nСсылка личная: не пересылайте это письмо. Каждый платёж отражается в открытом отчёте кампании.\n',
    }),
    en: (r: Recipient, amount: string, day: string, links: Links) => ({
      subject: 'Thank you for your donation',
      text:
        `${r.name ? `Dear ${r.name},` : 'Hello,'}\n\nThank you for your donation of ${amount} (${day}) to the campaign "${r.caseTitle}".\n\n` +
        `Receipt (PDF): ${links.receipt}\n` +
        `Your donations and all receipts: ${links.page}\n` +
        (r.kind === 'recurring' ? 'From the same link you can change or cancel your monthly donation at any time.\n' : '') +
        '\nThe link is personal: please do not forward this mail. Every payment is accounted for in the public ledger of the campaign.\n',
    }),
  },
  paymentFailed: {
    ru: (r: Recipient, url: string | null) => ({
      subject: 'Ежемесячное пожертвование не прошло',
      text:
        `${r.name ? `Здравствуйте, ${r.name}!` : 'Здравствуйте!'}\n\nОчередной платёж вашего ежемесячного пожертвования в фонд «${r.caseTitle}» не прошёл.\n` +
        (url ? `Обновить карту и оплатить можно здесь: ${url}\n` : 'Чтобы обновить карту, ответьте на это письмо.\n') +
        '\nЕсли вы хотите прекратить пожертвования, ничего делать не нужно: после нескольких неудачных попыток списание остановится.\n',
    }),
    en: (r: Recipient, url: string | null) => ({
      subject: 'Your monthly donation did not go through',
      text:
        `${r.name ? `Dear ${r.name},` : 'Hello,'}\n\nThis month's payment of your monthly donation to "${r.caseTitle}" failed.\n` +
        (url ? `You can update your card and pay here: ${url}\n` : 'To update your card, reply to this mail.\n') +
        '\nIf you meant to stop giving, there is nothing to do: after a few failed attempts the payments stop.\n',
    }),
  },
};

/** Mails to donors, in the donor's language, built from the donation (never from the case's private facts). */
@Injectable()
export class DonorMails {
  constructor(
    private readonly config: AppConfig,
    private readonly links: DonorLinksRepository,
  ) {}

  /** The thank-you mail of a gift's first payment (`receiptId`), with a new private link of the donor, in the caller's transaction. */
  async thanks(m: EntityManager, donationId: string, receiptId: string, amountMinor: number, currency: string, at: Date): Promise<Mail | null> {
    const r = await this.recipient(m, donationId);
    if (!r) return null;
    const token = await this.links.createLink(m, r.donorId);
    const base = this.config.publicUrl;
    const links = { page: `${base}/donor/${token}`, receipt: `${base}/api/public/donor-links/${token}/receipts/${receiptId}` };
    const body = texts.thanks[r.language](r, formatMoney(amountMinor, currency, r.language), formatDate(at, r.language, 'UTC'), links);
    return { to: r.email, ...body, dedupeKey: `donation-thanks:${donationId}`, eraseKey: donorEraseKey(r.donorId) };
  }

  async paymentFailed(m: EntityManager, donationId: string, updateUrl: string | null, invoiceId: string): Promise<Mail | null> {
    const r = await this.recipient(m, donationId);
    if (!r) return null;
    return {
      to: r.email,
      ...texts.paymentFailed[r.language](r, updateUrl),
      dedupeKey: `donation-payment-failed:${invoiceId}`,
      eraseKey: donorEraseKey(r.donorId),
    };
  }

  private async recipient(m: EntityManager, donationId: string): Promise<Recipient | null> {
    const [row] = await rowsOf<{
      donor_id: string;
      email: string | null;
      name: string | null;
      language: Language;
      erased_at: Date | null;
      kind: string;
      title: string;
    }>(
      m,
      `select di.id as donor_id, di.email, di.name, di.language, di.erased_at, d.kind,
              coalesce(nullif((select ct.title from campaign_texts ct where ct.case_id = c.id and ct.language = di.language), ''),
                       case when di.language = 'en' then nullif(c.title_en, '') end, c.title) as title
         from donations d join donor_identities di on di.id = d.donor_id join cases c on c.id = d.case_id where d.id = $1`,
      [donationId],
    );
    const email = row && !row.erased_at ? openDonorField('email', row.donor_id, row.email) : null;
    if (!row || !email) return null;
    return {
      donorId: row.donor_id,
      email,
      name: openDonorField('name', row.donor_id, row.name),
      language: row.language,
      donationId,
      kind: row.kind,
      caseTitle: row.title,
    };
  }
}
