import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  alertPreferences,
  pushSubscriptionList,
  pushSubscriptionRequest,
  pushSubscriptionView,
  telegramLink,
  telegramStatus,
  testAlertResult,
  uuid,
  vapidPublicKey,
  type AlertPreferences,
  type PushSubscriptionRequest,
} from '@habeas/contracts';
import { CurrentActor, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { AlertChannelsService } from './alert-channels.service';
import { AlertDispatchService } from './alert-dispatch.service';
import { PushSender } from './push-sender';
import { TelegramService } from './telegram.service';

/** A person's own alert channels: Web Push devices, the Telegram chat, language and quiet hours, a test alert. */
@ApiTags('alerts on phones')
@Controller()
export class AlertingController {
  constructor(
    private readonly channels: AlertChannelsService,
    private readonly telegram: TelegramService,
    private readonly dispatch: AlertDispatchService,
    private readonly push: PushSender,
  ) {}

  /** The application server key for `pushManager.subscribe({ applicationServerKey })`. */
  @Get('push/vapid-public-key')
  @SignedIn()
  @Returns(vapidPublicKey)
  vapidKey() {
    return { key: this.push.publicKey };
  }

  @Get('me/push-subscriptions')
  @SignedIn()
  @Returns(pushSubscriptionList)
  devices(@CurrentActor() actor: Actor) {
    return this.channels.devices(actor);
  }

  /** A browser's PushSubscription (`subscription.toJSON()`); only known push services' hosts are accepted. */
  @Post('me/push-subscriptions')
  @SignedIn()
  @Returns(pushSubscriptionView, 201)
  subscribe(@CurrentActor() actor: Actor, @ZodBody(pushSubscriptionRequest) body: PushSubscriptionRequest) {
    return this.channels.subscribe(actor, body);
  }

  @Delete('me/push-subscriptions/:id')
  @SignedIn()
  @HttpCode(204)
  async unsubscribe(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string): Promise<void> {
    await this.channels.unsubscribe(actor, id);
  }

  @Get('me/telegram')
  @SignedIn()
  @Returns(telegramStatus)
  telegramStatus(@CurrentActor() actor: Actor) {
    return this.telegram.status(actor);
  }

  /** `https://t.me/<bot>?start=<one-time code>`: opening it and pressing Start links the chat. */
  @Post('me/telegram')
  @SignedIn()
  @Returns(telegramLink, 201)
  telegramLink(@CurrentActor() actor: Actor) {
    return this.telegram.newLink(actor);
  }

  @Delete('me/telegram')
  @SignedIn()
  @HttpCode(204)
  async telegramUnlink(@CurrentActor() actor: Actor): Promise<void> {
    await this.telegram.unlink(actor);
  }

  @Get('me/alert-preferences')
  @SignedIn()
  @Returns(alertPreferences)
  preferences(@CurrentActor() actor: Actor) {
    return this.channels.preferences(actor);
  }

  @Put('me/alert-preferences')
  @SignedIn()
  @Returns(alertPreferences)
  savePreferences(@CurrentActor() actor: Actor, @ZodBody(alertPreferences) body: AlertPreferences) {
    return this.channels.savePreferences(actor, body);
  }

  /** Sends a test alert to every channel of the caller now and answers with each attempt. */
  @Post('me/test-alert')
  @SignedIn()
  @HttpCode(200)
  @Returns(testAlertResult)
  async testAlert(@CurrentActor() actor: Actor) {
    return { notifications: await this.dispatch.test(actor.id) };
  }
}
