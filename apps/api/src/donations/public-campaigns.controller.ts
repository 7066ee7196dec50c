import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { checkoutRequest, checkoutResponse, publicCampaign } from '@habeas/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public } from '../common/auth/access.decorators';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { CampaignsService } from './campaigns.service';
import { StripeEvents } from './stripe-events.service';
import { StripeGateway } from './stripe-gateway.service';

const slug = z.string().trim().min(1).max(100);

@ApiTags('donations')
@Controller()
export class PublicCampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly stripe: StripeGateway,
    private readonly events: StripeEvents,
  ) {}

  @Get('public/campaigns/:slug')
  @Public()
  @Returns(publicCampaign)
  campaign(@ZodParam('slug', slug) campaignSlug: string) {
    return this.campaigns.publicCampaign(campaignSlug);
  }

  @Post('public/campaigns/:slug/checkout')
  @Public()
  @Returns(checkoutResponse, 201)
  checkout(@ZodParam('slug', slug) campaignSlug: string, @ZodBody(checkoutRequest) body: z.infer<typeof checkoutRequest>, @Req() request: FastifyRequest) {
    return this.campaigns.checkout(campaignSlug, body, request.ip);
  }

  /** Answers 200 only after the event and its effect are committed; Stripe retries anything else. */
  @Post('webhooks/stripe')
  @Public()
  @HttpCode(200)
  async webhook(@Req() request: RawBodyRequest<FastifyRequest>) {
    const signature = request.headers['stripe-signature'];
    const event = this.stripe.verify(request.rawBody, typeof signature === 'string' ? signature : undefined);
    const outcome = await this.events.recordStripeEvent(event);
    return { received: true, duplicate: outcome === 'duplicate', needsAttention: outcome === 'needs_attention' };
  }
}
