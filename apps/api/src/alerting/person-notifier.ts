import type { AlertChannel, AlertNotification } from '@habeas/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { pushPayload, telegramMessage, type AlertLanguage, type AlertMessage } from './alert-texts';
import { ChannelsRepository } from './channels.repository';
import { inQuietHours } from './on-call-rules';
import { OnCallRepository } from './on-call.repository';
import { PushSender } from './push-sender';
import { TelegramBotClient, TelegramError } from './telegram-bot.client';

const QUIET_HOURS_ZONE = 'Europe/Moscow';

/** One message to one device or chat of one person; `target` is the push subscription id or `telegram`. */
export interface Delivery {
  userId: string;
  channel: AlertChannel;
  target: string;
  attempt: number;
  urgent: boolean;
  language: AlertLanguage;
  message: AlertMessage;
}

export interface DeliveryResult {
  status: AlertNotification['status'];
  delivery: Delivery;
  notification: AlertNotification;
}

/** Reaches one person on every channel they linked, at once, in their language; records every attempt. */
@Injectable()
export class PersonNotifier {
  private readonly logger = new Logger('PersonNotifier');

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly onCall: OnCallRepository,
    private readonly push: PushSender,
    private readonly bot: TelegramBotClient,
  ) {}

  /** Quiet hours hold back non-critical alerts (recorded as `quiet`); critical ones and tests always go. */
  async notify(userId: string, message: AlertMessage, urgent: boolean): Promise<DeliveryResult[]> {
    const preferences = await this.channels.preferences(userId);
    const targets: Array<{ channel: AlertChannel; target: string }> = (await this.channels.pushOf(userId)).map((s) => ({ channel: 'push', target: s.id }));
    if (this.bot.configured && (await this.channels.telegramOf(userId))) targets.push({ channel: 'telegram', target: 'telegram' });
    const deliveries = targets.map((t): Delivery => ({ ...t, userId, attempt: 1, urgent, language: preferences.language, message }));
    const quiet = preferences.quiet_start === null || preferences.quiet_end === null ? null : { start: preferences.quiet_start, end: preferences.quiet_end };
    if (!urgent && inQuietHours(quiet, new Date(), QUIET_HOURS_ZONE)) {
      return Promise.all(deliveries.map(async (delivery) => ({ status: 'quiet' as const, delivery, notification: await this.record(delivery, 'quiet') })));
    }
    return Promise.all(deliveries.map((delivery) => this.deliver(delivery)));
  }

  /** One attempt on one channel; a gone subscription or a chat that blocked the bot is removed. */
  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const outcome = delivery.channel === 'push' ? await this.sendPush(delivery) : await this.sendTelegram(delivery);
    const notification = await this.record(delivery, outcome.status, outcome.error);
    if (outcome.status !== 'sent')
      this.logger.warn({ channel: delivery.channel, status: outcome.status, attempt: delivery.attempt }, 'alert delivery not sent');
    return { status: outcome.status, delivery, notification };
  }

  private async sendPush(delivery: Delivery): Promise<{ status: 'sent' | 'gone' | 'failed'; error?: string }> {
    const subscription = await this.channels.pushById(delivery.target);
    if (!subscription || subscription.user_id !== delivery.userId) return { status: 'gone', error: 'subscription removed' };
    const outcome = await this.push.send(subscription, pushPayload(delivery.message, delivery.language), delivery.urgent);
    if (outcome.status === 'gone') await this.channels.deletePush(subscription.id);
    if (outcome.status === 'sent') await this.channels.pushDelivered(subscription.id);
    return outcome;
  }

  private async sendTelegram(delivery: Delivery): Promise<{ status: 'sent' | 'gone' | 'failed'; error?: string }> {
    const link = await this.channels.telegramOf(delivery.userId);
    if (!link) return { status: 'gone', error: 'chat unlinked' };
    const { text, reply_markup } = telegramMessage(delivery.message, delivery.language);
    try {
      await this.bot.sendMessage(link.chat_id, text, reply_markup);
      return { status: 'sent' };
    } catch (error) {
      const status = error instanceof TelegramError ? error.status : 0;
      // 403: the person blocked the bot or deleted the chat; it will not come back by retrying.
      if (status === 403) {
        await this.channels.unlinkChat(link.chat_id);
        return { status: 'gone', error: 'Telegram answered 403' };
      }
      return { status: 'failed', error: (error as Error).message };
    }
  }

  private record(delivery: Delivery, status: AlertNotification['status'], error?: string): Promise<AlertNotification> {
    return this.onCall.recordAttempt({
      alertId: delivery.message.alertId,
      recipientId: delivery.userId,
      channel: delivery.channel,
      target: delivery.target,
      step: delivery.message.step,
      attempt: delivery.attempt,
      status,
      error,
    });
  }
}
