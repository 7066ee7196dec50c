import type { DonorGift, DonorGifts, DonorLanguage } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Conflict, NotFound, Unprocessable } from '../common/http/domain-error';
import { renderPdfDocument } from '../common/pdf/pdf-renderer';
import { CampaignsService } from './campaigns.service';
import { openDonorField } from './donor-identity';
import { DonorLinksRepository, type GiftRow, type LinkedDonor } from './donor-links.repository';
import { FundSettingsService } from './fund-settings.service';
import { receiptDocument } from './receipt-document';
import { StripeGateway } from './stripe-gateway.service';

/**
 * What a donor does through their private link, without an account: see their gifts, download receipts, cancel or
 * change a monthly gift (through Stripe's API in the SDK's pinned version). A wrong, revoked or erased donor's token
 * is 404, like a gift that is not theirs.
 */
@Injectable()
export class DonorSelfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: DonorLinksRepository,
    private readonly fund: FundSettingsService,
    private readonly campaigns: CampaignsService,
    private readonly stripe: StripeGateway,
    private readonly audit: AuditService,
  ) {}

  async gifts(token: string, language?: DonorLanguage): Promise<DonorGifts> {
    const donor = await this.donor(token);
    const lang = language ?? donor.language;
    const receipts = await this.links.receiptsOf(donor.donorId);
    const gifts = await this.links.giftsOf(donor.donorId, lang);
    return {
      language: donor.language,
      name: openDonorField('name', donor.donorId, donor.sealedName),
      gifts: await Promise.all(
        gifts.map((gift) =>
          this.toGift(
            gift,
            receipts.filter((receipt) => receipt.donationId === gift.id),
          ),
        ),
      ),
    };
  }

  async receiptPdf(token: string, receiptId: string, language?: DonorLanguage): Promise<{ bytes: Buffer; fileName: string }> {
    const donor = await this.donor(token);
    const lang = language ?? donor.language;
    const [receipt] = await this.links.receiptsOf(donor.donorId, receiptId);
    if (!receipt) throw new NotFound('Receipt');
    const [gift] = await this.links.giftsOf(donor.donorId, lang, receipt.donationId);
    if (!gift) throw new NotFound('Receipt');
    const fund = await this.fund.current();
    const bytes = await renderPdfDocument(
      receiptDocument(
        {
          receiptId: receipt.id,
          legalName: fund.legalName[lang],
          campaignTitle: gift.campaignTitle,
          donorName: openDonorField('name', donor.donorId, donor.sealedName),
          amountMinor: receipt.amountMinor,
          currency: receipt.currency,
          paidAt: receipt.paidAt,
          monthly: gift.kind === 'recurring',
        },
        lang,
      ),
    );
    return { bytes, fileName: `${lang === 'ru' ? 'kvitanciya' : 'receipt'}-${receipt.paidAt.toISOString().slice(0, 10)}-${receipt.id.slice(0, 8)}.pdf` };
  }

  /** Cancels the monthly gift at Stripe first, then here; a webhook arriving later changes nothing more. */
  async cancel(token: string, giftId: string, ip: string): Promise<DonorGift> {
    const donor = await this.donor(token);
    const gift = await this.changeable(donor, giftId);
    await this.stripe.call('cancelling a monthly gift', (stripe) => stripe.subscriptions.cancel(gift.subscriptionId!));
    await this.db.transaction(async (m) => {
      await this.links.markCanceled(m, gift.id);
      await this.audit.record({ actorId: null, ip }, { action: 'donation.canceled_by_donor', entityType: 'donation', entityId: gift.id }, m);
    });
    return this.giftOf(donor, giftId);
  }

  /** A new monthly amount from the next invoice on (no proration), within the campaign's limits for the gift's currency. */
  async changeAmount(token: string, giftId: string, amountMinor: number, ip: string): Promise<DonorGift> {
    const donor = await this.donor(token);
    const gift = await this.changeable(donor, giftId);
    const limits = this.campaigns.limitsOf(await this.campaigns.settingsOf(gift.caseId), gift.currency);
    if (amountMinor < limits.minAmountMinor || amountMinor > limits.maxAmountMinor)
      throw new Unprocessable(`amountMinor: a monthly gift in ${gift.currency} is from ${limits.minAmountMinor} to ${limits.maxAmountMinor} minor units`, {
        minAmountMinor: limits.minAmountMinor,
        maxAmountMinor: limits.maxAmountMinor,
      });
    await this.stripe.call('changing a monthly gift', async (stripe) => {
      const subscription = await stripe.subscriptions.retrieve(gift.subscriptionId!);
      const item = subscription.items.data[0];
      if (!item) throw new Conflict('This monthly gift has nothing to change at the payment provider');
      const product = typeof item.price.product === 'string' ? item.price.product : item.price.product.id;
      const update: Stripe.SubscriptionUpdateParams = {
        items: [{ id: item.id, price_data: { currency: gift.currency.toLowerCase(), product, unit_amount: amountMinor, recurring: { interval: 'month' } } }],
        proration_behavior: 'none',
      };
      return stripe.subscriptions.update(gift.subscriptionId!, update);
    });
    await this.db.transaction(async (m) => {
      await this.links.setMonthlyAmount(m, gift.id, amountMinor);
      await this.audit.record(
        { actorId: null, ip },
        { action: 'donation.changed_by_donor', entityType: 'donation', entityId: gift.id, details: { from: gift.amountMinor, to: amountMinor } },
        m,
      );
    });
    return this.giftOf(donor, giftId);
  }

  private async donor(token: string): Promise<LinkedDonor> {
    const donor = await this.links.donorOfToken(token);
    if (!donor) throw new NotFound('Link');
    return donor;
  }

  private async changeable(donor: LinkedDonor, giftId: string): Promise<GiftRow> {
    const [gift] = await this.links.giftsOf(donor.donorId, donor.language, giftId);
    if (!gift) throw new NotFound('Gift');
    if (gift.kind !== 'recurring' || !gift.subscriptionId) throw new Conflict('Only a monthly gift can be cancelled or changed');
    if (gift.subscriptionStatus === 'canceled') throw new Conflict('This monthly gift is already cancelled');
    return gift;
  }

  private async giftOf(donor: LinkedDonor, giftId: string): Promise<DonorGift> {
    const [gift] = await this.links.giftsOf(donor.donorId, donor.language, giftId);
    const receipts = await this.links.receiptsOf(donor.donorId);
    return this.toGift(
      gift,
      receipts.filter((receipt) => receipt.donationId === giftId),
    );
  }

  private async toGift(gift: GiftRow, receipts: Array<{ id: string; amountMinor: number; currency: string; paidAt: Date }>): Promise<DonorGift> {
    const limits = this.campaigns.limitsOf(await this.campaigns.settingsOf(gift.caseId), gift.currency);
    return {
      id: gift.id,
      campaignTitle: gift.campaignTitle,
      kind: gift.kind,
      status: gift.status as DonorGift['status'],
      amountMinor: gift.amountMinor,
      currency: gift.currency,
      subscriptionStatus: gift.subscriptionStatus,
      changeable: gift.kind === 'recurring' && Boolean(gift.subscriptionId) && gift.subscriptionStatus !== 'canceled',
      minAmountMinor: limits.minAmountMinor,
      maxAmountMinor: limits.maxAmountMinor,
      createdAt: gift.createdAt.toISOString(),
      receipts: receipts.map((receipt) => ({
        id: receipt.id,
        amountMinor: receipt.amountMinor,
        currency: receipt.currency,
        paidAt: receipt.paidAt.toISOString(),
      })),
    };
  }
}
