import { roleCan, type TelegramStatus } from '@habeas/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../common/auth/actor';
import { DomainError, UpstreamFailure } from '../common/http/domain-error';
import { MedicalAlertsService } from '../medical/medical-alerts.service';
import { telegramReply, type AlertLanguage, type TelegramReply } from './alert-texts';
import { ChannelsRepository, type ChannelUser } from './channels.repository';
import { TelegramBotClient, TelegramError, type TelegramUpdate } from './telegram-bot.client';

const CODE_MINUTES = 15;
const hash = (code: string) => createHash('sha256').update(code).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Linking a person's Telegram chat (a one-time `/start` code), `/stop`, and the "acknowledge" button, which acts as
 * the linked person with their rights as they are at that moment — exactly the check the API makes.
 */
@Injectable()
export class TelegramService {
  private readonly logger = new Logger('Telegram');

  constructor(
    private readonly bot: TelegramBotClient,
    private readonly channels: ChannelsRepository,
    private readonly alerts: MedicalAlertsService,
  ) {}

  async status(actor: Actor): Promise<TelegramStatus> {
    const link = await this.channels.telegramOf(actor.id);
    return { configured: this.bot.configured, linked: !!link, linkedAt: link ? link.linked_at.toISOString() : null };
  }

  /** A `https://t.me/<bot>?start=<code>` link; the code works once, for 15 minutes. */
  async newLink(actor: Actor): Promise<{ link: string }> {
    if (!this.bot.configured) throw new DomainError(503, 'Telegram alerts are not configured (TELEGRAM_BOT_TOKEN)');
    let username: string;
    try {
      username = await this.bot.botUsername();
    } catch {
      throw new UpstreamFailure(502, 'Telegram did not answer; try again in a minute');
    }
    const code = randomBytes(18).toString('base64url');
    await this.channels.saveLinkCode(hash(code), actor.id, CODE_MINUTES);
    return { link: `https://t.me/${encodeURIComponent(username)}?start=${code}` };
  }

  async unlink(actor: Actor): Promise<void> {
    await this.channels.unlinkUser(actor.id);
  }

  /** One update from getUpdates. Replies go out best-effort: a failed reply never stops the polling. */
  async handle(update: TelegramUpdate): Promise<void> {
    if (update.callback_query) return this.callback(update.callback_query);
    const message = update.message;
    const text = message?.text?.trim();
    if (!message || !text) return;
    const chatId = String(message.chat.id);
    const guess: AlertLanguage = message.from?.language_code?.startsWith('ru') ? 'ru' : 'en';
    const start = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?$/.exec(text);
    if (start) {
      const userId = start[1] ? await this.channels.redeemLinkCode(hash(start[1]), chatId) : undefined;
      if (!userId) return this.reply(chatId, 'badCode', guess);
      this.logger.log({ userId }, 'telegram chat linked');
      return this.reply(chatId, 'linked', (await this.channels.preferences(userId)).language);
    }
    if (/^\/stop(?:@\w+)?$/.test(text)) {
      const user = await this.channels.userOfChat(chatId);
      const language = user ? (await this.channels.preferences(user.id)).language : guess;
      await this.channels.unlinkChat(chatId);
      return this.reply(chatId, user ? 'unlinked' : 'notLinked', language);
    }
  }

  private async callback(query: NonNullable<TelegramUpdate['callback_query']>): Promise<void> {
    const chatId = String(query.message?.chat.id ?? query.from.id);
    const user = await this.channels.userOfChat(chatId);
    const language = user ? (await this.channels.preferences(user.id)).language : query.from.language_code?.startsWith('ru') ? 'ru' : 'en';
    const alertId = /^ack:(.+)$/.exec(query.data ?? '')?.[1];
    const outcome: TelegramReply = !user ? 'notLinked' : alertId && UUID.test(alertId) ? await this.acknowledge(user, alertId) : 'failed';
    await this.bot.answerCallbackQuery(query.id, telegramReply(outcome, language)).catch(() => undefined);
  }

  /** Acknowledges as the linked person, with their role and case access as they are now. */
  private async acknowledge(user: ChannelUser, alertId: string): Promise<TelegramReply> {
    if (user.disabled_at || !roleCan(user.role, 'alerts:work')) return 'refused';
    const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: 'telegram', ip: 'telegram', userAgent: 'Telegram' };
    try {
      await this.alerts.acknowledge(actor, alertId);
      return 'acknowledged';
    } catch (error) {
      if (error instanceof DomainError && error.statusCode === 404) return 'refused';
      if (error instanceof DomainError && error.statusCode === 409) return 'already';
      this.logger.error({ err: error, alertId }, 'acknowledge from Telegram failed');
      return 'failed';
    }
  }

  private async reply(chatId: string, reply: TelegramReply, language: AlertLanguage): Promise<void> {
    await this.bot.sendMessage(chatId, telegramReply(reply, language)).catch((error: TelegramError) => {
      this.logger.warn({ status: error.status }, 'telegram reply not sent');
    });
  }
}
