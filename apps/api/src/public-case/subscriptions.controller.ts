import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { eraseSubscriberRequest, subscribeAccepted, subscribeRequest, subscribersErased } from '@habeas/contracts';
import type { EraseSubscriberRequest, SubscribeRequest } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor, Public } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { DomainError } from '../common/http/domain-error';
import { asPrivatePage, privatePage } from '../common/http/html-reply';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { languageOf } from './public-html';
import { subscriptionActionPage, subscriptionNoticePage } from './subscription-pages';
import { SubscriptionsService } from './subscriptions.service';

const slugParam = z.string().trim().min(1).max(100);
const tokenParam = z.string().trim().min(1).max(200);
const langQuery = z.object({ lang: z.enum(['ru', 'en']).optional() });
type LangQuery = z.infer<typeof langQuery>;

/**
 * Subscriptions: the JSON API, and the plain pages outside /api that work from a mail and without JavaScript
 * (the subscribe form, confirm and unsubscribe buttons, and RFC 8058 one-click unsubscribe by mail clients).
 */
@ApiTags('public case')
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post('public/cases/:slug/subscriptions')
  @Public()
  @HttpCode(202)
  @Returns(subscribeAccepted, 202)
  subscribe(@ZodParam('slug', slugParam) slug: string, @ZodBody(subscribeRequest) body: SubscribeRequest, @Req() request: FastifyRequest) {
    return this.subscriptions.subscribe(slug, body, request.ip);
  }

  @Post('subscribers/erase')
  @Can('users:manage')
  @HttpCode(200)
  @Returns(subscribersErased)
  erase(@CurrentActor() actor: Actor, @ZodBody(eraseSubscriberRequest) body: EraseSubscriberRequest) {
    return this.subscriptions.eraseAddress(actor, body.email);
  }

  /** The subscribe form of the public page posts here (urlencoded, no JavaScript). */
  @Post('support/:slug/subscribe')
  @Public()
  @HttpCode(202)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  async subscribeForm(
    @ZodParam('slug', slugParam) slug: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const parsed = subscribeRequest.safeParse(body);
    if (!parsed.success) throw new DomainError(400, `${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    await this.subscriptions.subscribe(slug, parsed.data, request.ip);
    return asPrivatePage(reply, subscriptionNoticePage(parsed.data.language, 'checkMail', slug));
  }

  @Get('support/subscriptions/:token/confirm')
  @Public()
  @ApiProduces('text/html')
  async confirmPage(
    @ZodParam('token', tokenParam) token: string,
    @ZodQuery(langQuery) query: LangQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.actionPage(token, languageOf(query, accept), reply, 'confirm');
  }

  @Post('support/subscriptions/:token/confirm')
  @Public()
  @HttpCode(200)
  @ApiProduces('text/html')
  async confirm(
    @ZodParam('token', tokenParam) token: string,
    @ZodQuery(langQuery) query: LangQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    return this.page(reply, language, async () => subscriptionNoticePage(language, 'confirmed', (await this.subscriptions.confirm(token)).slug));
  }

  @Get('support/subscriptions/:token/unsubscribe')
  @Public()
  @ApiProduces('text/html')
  async unsubscribePage(
    @ZodParam('token', tokenParam) token: string,
    @ZodQuery(langQuery) query: LangQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.actionPage(token, languageOf(query, accept), reply, 'unsubscribe');
  }

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here without cookies; the button posts here too. */
  @Post('support/subscriptions/:token/unsubscribe')
  @Public()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/html')
  async unsubscribe(
    @ZodParam('token', tokenParam) token: string,
    @ZodQuery(langQuery) query: LangQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    return this.page(reply, language, async () => {
      await this.subscriptions.unsubscribe(token);
      return subscriptionNoticePage(language, 'unsubscribed');
    });
  }

  /** The page with the button that confirms or unsubscribes (a GET never changes anything: mail scanners follow links). */
  private actionPage(token: string, language: 'ru' | 'en', reply: FastifyReply, action: 'confirm' | 'unsubscribe'): Promise<string> {
    return this.page(reply, language, async () => {
      await this.subscriptions.caseOfToken(token, action);
      return subscriptionActionPage(language, action, token);
    });
  }

  private page(reply: FastifyReply, language: 'ru' | 'en', render: () => Promise<string>): Promise<string> {
    return privatePage(reply, render, () => subscriptionNoticePage(language, 'gone'));
  }
}
