import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

/** A Bot API answer that was not `ok`: `status` is the HTTP status (403: the user blocked the bot), or 0 unreachable. */
export class TelegramError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface TelegramUpdate {
  update_id: number;
  message?: { message_id: number; text?: string; chat: { id: number }; from?: { id: number; language_code?: string } };
  callback_query?: { id: string; data?: string; from: { id: number; language_code?: string }; message?: { chat: { id: number } } };
}

/**
 * Telegram's Bot API over HTTPS (`$TELEGRAM_API_URL/bot<token>/<method>`, JSON in and out, as documented at
 * core.telegram.org/bots/api). Errors never carry the URL: it holds the token.
 */
@Injectable()
export class TelegramBotClient {
  private username?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.telegram.botToken;
  }

  /** The bot's @username (getMe), asked once and kept; a failure is asked again next time. */
  botUsername(): Promise<string> {
    this.username ??= this.call<{ username: string }>('getMe', {}).then((me) => me.username);
    this.username.catch(() => (this.username = undefined));
    return this.username;
  }

  getUpdates(offset: number | undefined, signal: AbortSignal): Promise<TelegramUpdate[]> {
    const timeout = this.config.telegram.pollSeconds;
    return this.call('getUpdates', { offset, timeout, allowed_updates: ['message', 'callback_query'] }, signal, (timeout + 10) * 1000);
  }

  async sendMessage(chatId: string, text: string, replyMarkup?: unknown): Promise<void> {
    await this.call('sendMessage', {
      chat_id: chatId,
      text,
      link_preview_options: { is_disabled: true },
      ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    });
  }

  async answerCallbackQuery(id: string, text: string): Promise<void> {
    await this.call('answerCallbackQuery', { callback_query_id: id, text });
  }

  private async call<T>(method: string, body: object, signal?: AbortSignal, timeoutMs = 10_000): Promise<T> {
    const token = this.config.telegram.botToken;
    if (!token) throw new TelegramError(0, 'Telegram is not configured');
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${this.config.telegram.apiUrl}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new TelegramError(0, (error as Error).name === 'TimeoutError' ? `Telegram ${method} timed out` : `Telegram ${method} unreachable`);
    }
    const answer = (await response.json().catch(() => null)) as {
      ok?: boolean;
      result?: T;
      description?: string;
      parameters?: { retry_after?: number };
    } | null;
    if (!response.ok || !answer?.ok) {
      throw new TelegramError(response.status, `Telegram ${method} failed (${response.status})`, answer?.parameters?.retry_after);
    }
    return answer.result as T;
  }
}
