import type { CampaignSettings, CampaignTexts, CaseFundraising, GiftLimits, PublicCampaign } from '@habeas/contracts';
import { BANK_TRANSFER_MAX_MINOR, BANK_TRANSFER_MIN_MINOR, checkoutRequest, giftLimits, minorToDecimal } from '@habeas/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFound, Unprocessable } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { insertDonorIdentity, openDonorField } from './donor-identity';
import { CampaignsRepository, type CampaignCase } from './campaigns.repository';
import { num } from '../common/database/sql';
import { CampaignGoalsRepository } from './campaign-goals.repository';
import { StripeGateway } from './stripe-gateway.service';

const DEFAULT_SETTINGS: CampaignSettings = { goals: [], statementDescriptor: null, currencies: ['EUR', 'USD', 'GBP'], maxAmountMinor: 1_000_000 };
const CHECKOUTS_PER_IP_PER_10_MINUTES = 20;
/** A message is public; an address typed into it is not published. */
const EMAIL_LIKE = /[^\s@]+@[^\s@]+/g;

/** The public side of a case's fundraising: its page and Checkout. */
/** The English page falls back to the case's own English title and summary when the campaign has none. */
function withEnglishOfCase(texts: CampaignTexts, theCase: CampaignCase): CampaignTexts {
  const en = { ...texts.en, title: texts.en.title || theCase.title_en, summary: texts.en.summary || theCase.public_summary_en };
  return { ...texts, en };
}

@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('Campaigns');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stripe: StripeGateway,
    private readonly config: AppConfig,
    private readonly goals: CampaignGoalsRepository,
    private readonly campaigns: CampaignsRepository,
  ) {}

  async settingsOf(caseId: string, m: Pick<EntityManager, 'query'> = this.db): Promise<CampaignSettings> {
    const own = await this.campaigns.settings(caseId, m);
    const goals = await this.goals.goalsOf(caseId, m);
    return { ...(own ?? DEFAULT_SETTINGS), goals };
  }

  /** The smallest and largest card gift in `currency`, by its exponent (see giftLimits). */
  limitsOf(settings: CampaignSettings, currency: string): GiftLimits {
    return giftLimits(currency, { amountMinor: settings.maxAmountMinor, currency: settings.currencies[0] ?? 'EUR' });
  }

  /** Settings and goals in one transaction: the public page never shows half a change. */
  async saveSettings(caseId: string, settings: CampaignSettings): Promise<CampaignSettings> {
    await this.db.transaction(async (m) => {
      await this.campaigns.saveSettings(m, caseId, settings);
      await this.goals.replaceGoals(m, caseId, settings.goals);
    });
    return this.settingsOf(caseId);
  }

  /** For the Overview and the finance screens: the same figures the public page shows. */
  async fundraisingOf(caseId: string): Promise<CaseFundraising> {
    return { progress: await this.goals.progressOf(caseId) };
  }

  private async publicCase(slug: string): Promise<CampaignCase> {
    const found = await this.campaigns.publicCase(slug);
    if (!found) throw new NotFound('Campaign');
    return found;
  }

  /** Read from the per-currency totals kept with each money movement; names only of donors who chose to be shown. */
  async publicCampaign(slug: string): Promise<PublicCampaign> {
    const theCase = await this.publicCase(slug);
    const page = await this.campaigns.publicPage(theCase.id);
    const { totals, donorCount, supporters, spent, bankTransfer, progress, texts } = page;
    const settings: CampaignSettings = { ...(page.settings ?? DEFAULT_SETTINGS), goals: page.goals };
    const raised = new Map<string, number>();
    for (const row of totals) raised.set(row.currency, (raised.get(row.currency) ?? 0) + num(row.net));
    return {
      slug: theCase.slug,
      title: theCase.title,
      summary: theCase.public_summary,
      goal: settings.goals[0] ?? null,
      progress,
      raised: [...raised].map(([currency, amountMinor]) => ({ currency, amountMinor })),
      raisedByKind: totals.map((row) => ({ currency: row.currency, kind: row.kind, amountMinor: num(row.net) })),
      donorCount,
      supporters: supporters.map((row) => ({
        name: row.show_name ? openDonorField('name', row.id, row.name) : null,
        message: openDonorField('message', row.id, row.message)?.replace(EMAIL_LIKE, '[…]') ?? null,
        // The day only: a time to the millisecond would let anyone match a supporter to a bank or card statement.
        at: row.at.toISOString().slice(0, 10),
      })),
      spent: spent.map((row) => ({ category: row.category, currency: row.currency, amountMinor: num(row.amount_minor) })),
      currencies: settings.currencies,
      minAmountMinor: this.limitsOf(settings, settings.currencies[0] ?? 'EUR').minAmountMinor,
      maxAmountMinor: this.limitsOf(settings, settings.currencies[0] ?? 'EUR').maxAmountMinor,
      limits: settings.currencies.map((code) => this.limitsOf(settings, code)),
      statementDescriptor: settings.statementDescriptor ?? 'HABEAS',
      paymentsEnabled: this.stripe.configured,
      texts: withEnglishOfCase(texts, theCase),
      bankTransfer: bankTransfer ? { minAmountMinor: BANK_TRANSFER_MIN_MINOR, maxAmountMinor: BANK_TRANSFER_MAX_MINOR } : null,
    };
  }

  /** Creates the pending donation and its Stripe Checkout Session; returns the Checkout URL. */
  async checkout(slug: string, input: ReturnType<typeof checkoutRequest.parse>, ip: string): Promise<{ url: string }> {
    const theCase = await this.publicCase(slug);
    const settings = await this.settingsOf(theCase.id);
    if (!settings.currencies.includes(input.currency))
      throw new Unprocessable(`currency: ${input.currency} is not accepted; one of ${settings.currencies.join(', ')}`);
    const limits = this.limitsOf(settings, input.currency);
    if (input.amountMinor < limits.minAmountMinor || input.amountMinor > limits.maxAmountMinor)
      throw new Unprocessable(
        `amountMinor: a gift in ${input.currency} is from ${minorToDecimal(limits.minAmountMinor, input.currency)} to ${minorToDecimal(limits.maxAmountMinor, input.currency)}`,
        { minAmountMinor: limits.minAmountMinor, maxAmountMinor: limits.maxAmountMinor },
      );
    const stripe = this.stripe.api();
    await this.throttle(ip);

    const recurring = input.interval === 'month';
    const donationId = await this.db.transaction(async (m) => {
      let donorId: string | null = null;
      if (input.name || input.email || input.message) {
        donorId = await insertDonorIdentity(m, {
          name: input.name,
          email: input.email,
          message: input.message,
          showName: !input.anonymous && Boolean(input.name),
          language: input.language,
        });
      }
      return this.campaigns.insertCheckoutDonation(m, {
        caseId: theCase.id,
        donorId,
        kind: recurring ? 'recurring' : 'one_off',
        amountMinor: input.amountMinor,
        currency: input.currency,
      });
    });

    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create(this.sessionParams(theCase, settings, donationId, input), { idempotencyKey: `checkout:${donationId}` });
    } catch (error) {
      this.logger.error({ err: error, donationId }, 'Stripe Checkout Session could not be created');
      await this.campaigns.failDonation(donationId);
      throw new DomainError(503, 'The payment provider is not reachable; please try again in a few minutes');
    }
    await this.campaigns.setSession(donationId, session.id);
    if (!session.url) throw new DomainError(503, 'The payment provider returned no Checkout URL');
    return { url: session.url };
  }

  private sessionParams(
    theCase: CampaignCase,
    settings: CampaignSettings,
    donationId: string,
    input: ReturnType<typeof checkoutRequest.parse>,
  ): Stripe.Checkout.SessionCreateParams {
    const recurring = input.interval === 'month';
    const metadata = { campaign: theCase.slug, donation: donationId };
    const back = `${this.config.publicUrl}/donate/${encodeURIComponent(theCase.slug)}`;
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: recurring ? 'subscription' : 'payment',
      client_reference_id: donationId,
      metadata,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: input.currency.toLowerCase(),
            unit_amount: input.amountMinor,
            product_data: { name: recurring ? `Monthly donation: ${theCase.title}` : `Donation: ${theCase.title}` },
            ...(recurring ? { recurring: { interval: 'month' as const } } : {}),
          },
        },
      ],
      locale: input.language,
      success_url: `${back}?status=success`,
      cancel_url: `${back}?status=cancel`,
    };
    if (input.email) params.customer_email = input.email;
    if (recurring) {
      params.subscription_data = { metadata };
    } else {
      params.submit_type = 'donate';
      params.payment_intent_data = { metadata, ...(settings.statementDescriptor ? { statement_descriptor_suffix: settings.statementDescriptor } : {}) };
    }
    return params;
  }

  /** Per-IP limit on Checkout attempts, kept in PostgreSQL so it holds across instances. */
  async throttle(ip: string): Promise<void> {
    if ((await this.campaigns.recordCheckoutAttempt(ip)) >= CHECKOUTS_PER_IP_PER_10_MINUTES)
      throw new DomainError(429, 'Too many donation attempts from this address; please wait a few minutes');
  }
}
