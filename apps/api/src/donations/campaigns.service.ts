import type { CampaignSettings, CampaignTexts, CaseFundraising, GiftLimits, PublicCampaign } from '@habeas/contracts';
import { BANK_TRANSFER_MAX_MINOR, BANK_TRANSFER_MIN_MINOR, checkoutRequest, giftLimits, minorToDecimal } from '@habeas/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, NotFound, Unprocessable } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { insertDonorIdentity, openDonorField } from './donor-identity';
import { KEPT_GIFT, num, rowsOf } from './sql';
import { CampaignGoalsRepository } from './campaign-goals.repository';
import { CampaignTextsService } from './campaign-texts.service';
import { StripeGateway } from './stripe-gateway.service';

const DEFAULT_SETTINGS: CampaignSettings = { goals: [], statementDescriptor: null, currencies: ['EUR', 'USD', 'GBP'], maxAmountMinor: 1_000_000 };
const CHECKOUTS_PER_IP_PER_10_MINUTES = 20;
/** A message is public; an address typed into it is not published. */
const EMAIL_LIKE = /[^\s@]+@[^\s@]+/g;

interface CampaignCase {
  id: string;
  slug: string;
  title: string;
  public_summary: string;
  title_en: string;
  public_summary_en: string;
}

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
    private readonly texts: CampaignTextsService,
    private readonly goals: CampaignGoalsRepository,
  ) {}

  async settingsOf(caseId: string, m: Pick<EntityManager, 'query'> = this.db): Promise<CampaignSettings> {
    const [row] = await rowsOf<{ statement_descriptor: string | null; currencies: string[]; max_amount_minor: string }>(
      m,
      `select statement_descriptor, currencies, max_amount_minor from campaign_settings where case_id = $1`,
      [caseId],
    );
    const goals = await this.goals.goalsOf(caseId, m);
    if (!row) return { ...DEFAULT_SETTINGS, goals };
    return { goals, statementDescriptor: row.statement_descriptor, currencies: row.currencies, maxAmountMinor: num(row.max_amount_minor) };
  }

  /** The smallest and largest card gift in `currency`, by its exponent (see giftLimits). */
  limitsOf(settings: CampaignSettings, currency: string): GiftLimits {
    return giftLimits(currency, { amountMinor: settings.maxAmountMinor, currency: settings.currencies[0] ?? 'EUR' });
  }

  /** Settings and goals in one transaction: the public page never shows half a change. */
  async saveSettings(caseId: string, settings: CampaignSettings): Promise<CampaignSettings> {
    await this.db.transaction(async (m) => {
      await m.query(
        `insert into campaign_settings (case_id, statement_descriptor, currencies, max_amount_minor) values ($1, $2, $3, $4)
         on conflict (case_id) do update set statement_descriptor = excluded.statement_descriptor, currencies = excluded.currencies,
           max_amount_minor = excluded.max_amount_minor, updated_at = now()`,
        [caseId, settings.statementDescriptor || null, settings.currencies, settings.maxAmountMinor],
      );
      await this.goals.replaceGoals(m, caseId, settings.goals);
    });
    return this.settingsOf(caseId);
  }

  /** For the Overview and the finance screens: the same figures the public page shows. */
  async fundraisingOf(caseId: string): Promise<CaseFundraising> {
    return { progress: await this.goals.progressOf(caseId) };
  }

  private async publicCase(slug: string): Promise<CampaignCase> {
    const [found] = await rowsOf<CampaignCase>(
      this.db,
      `select id, slug, title, public_summary, title_en, public_summary_en from cases where slug = $1 and is_public`,
      [slug],
    );
    if (!found) throw new NotFound('Campaign');
    return found;
  }

  /** Read from the per-currency totals kept with each money movement; names only of donors who chose to be shown. */
  async publicCampaign(slug: string): Promise<PublicCampaign> {
    const theCase = await this.publicCase(slug);
    const settings = await this.settingsOf(theCase.id);
    const totals = await rowsOf<{ currency: string; kind: 'one_off' | 'recurring' | 'offline'; net: string }>(
      this.db,
      `select currency, kind, raised_minor - refunded_minor - disputed_minor as net from campaign_totals where case_id = $1 order by currency, kind`,
      [theCase.id],
    );
    const [donors] = await rowsOf<{ n: number }>(this.db, `select count(*)::int as n from donations d where d.case_id = $1 and ${KEPT_GIFT}`, [theCase.id]);
    const raised = new Map<string, number>();
    for (const row of totals) raised.set(row.currency, (raised.get(row.currency) ?? 0) + num(row.net));
    const supporters = await rowsOf<{ id: string; name: string | null; show_name: boolean; message: string | null; at: Date }>(
      this.db,
      `select di.id, di.name, di.show_name, di.message, d.paid_at as at from donations d join donor_identities di on di.id = d.donor_id
        where d.case_id = $1 and ${KEPT_GIFT} and di.erased_at is null
          and (di.show_name or di.message is not null)
        order by d.paid_at desc, d.id desc limit 30`,
      [theCase.id],
    );
    const spent = await rowsOf<{ category: PublicCampaign['spent'][number]['category']; currency: string; amount_minor: string }>(
      this.db,
      `select category, currency, amount_minor from campaign_spent_totals where case_id = $1 and amount_minor > 0 order by currency, category`,
      [theCase.id],
    );
    return {
      slug: theCase.slug,
      title: theCase.title,
      summary: theCase.public_summary,
      goal: settings.goals[0] ?? null,
      progress: await this.goals.progressOf(theCase.id),
      raised: [...raised].map(([currency, amountMinor]) => ({ currency, amountMinor })),
      raisedByKind: totals.map((row) => ({ currency: row.currency, kind: row.kind, amountMinor: num(row.net) })),
      donorCount: donors.n,
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
      texts: withEnglishOfCase(await this.texts.textsOf(theCase.id), theCase),
      bankTransfer: (await rowsOf(this.db, `select 1 from campaign_bank_details where case_id = $1`, [theCase.id])).length
        ? { minAmountMinor: BANK_TRANSFER_MIN_MINOR, maxAmountMinor: BANK_TRANSFER_MAX_MINOR }
        : null,
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
      const [donation] = await rowsOf<{ id: string }>(
        m,
        `insert into donations (case_id, donor_id, kind, amount_minor, currency, method) values ($1, $2, $3, $4, $5, 'stripe') returning id`,
        [theCase.id, donorId, recurring ? 'recurring' : 'one_off', input.amountMinor, input.currency],
      );
      return donation.id;
    });

    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create(this.sessionParams(theCase, settings, donationId, input), { idempotencyKey: `checkout:${donationId}` });
    } catch (error) {
      this.logger.error({ err: error, donationId }, 'Stripe Checkout Session could not be created');
      await this.db.query(`update donations set status = 'failed', updated_at = now() where id = $1`, [donationId]);
      throw new DomainError(503, 'The payment provider is not reachable; please try again in a few minutes');
    }
    await this.db.query(`update donations set stripe_session_id = $2, updated_at = now() where id = $1`, [donationId, session.id]);
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
    const [row] = await rowsOf<{ recent: number }>(
      this.db,
      `with cleanup as (delete from checkout_attempts where at < now() - interval '1 hour'),
            inserted as (insert into checkout_attempts (ip) values ($1) returning id)
       select count(*)::int as recent from checkout_attempts where ip = $1 and at > now() - interval '10 minutes'`,
      [ip],
    );
    if (row.recent >= CHECKOUTS_PER_IP_PER_10_MINUTES) throw new DomainError(429, 'Too many donation attempts from this address; please wait a few minutes');
  }
}
