import type { AlertPreferences } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { minutesToClock } from './on-call-rules';

export interface PushSubscriptionRow {
  id: string;
  user_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: Date;
  last_success_at: Date | null;
}

export interface PreferencesRow {
  language: 'ru' | 'en';
  quiet_start: number | null;
  quiet_end: number | null;
}

/** The person behind a channel, as they are now (role and disabled state decide what they may still do). */
export interface ChannelUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'lawyer' | 'medical' | 'finance';
  disabled_at: Date | null;
}

/** The SQL of people's alert channels: push subscriptions, Telegram links and one-time link codes, preferences. */
@Injectable()
export class ChannelsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Saves a subscription; the same endpoint again (a re-subscribe) moves it to this user with the new keys. */
  async savePush(userId: string, endpoint: string, p256dh: string, auth: string): Promise<PushSubscriptionRow> {
    const rows: PushSubscriptionRow[] = await this.db.query(
      `insert into push_subscriptions (user_id, endpoint, p256dh, auth) values ($1, $2, $3, $4)
       on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth, created_at = now()
       returning *`,
      [userId, endpoint, p256dh, auth],
    );
    return rows[0];
  }

  pushOf(userId: string): Promise<PushSubscriptionRow[]> {
    return this.db.query(`select * from push_subscriptions where user_id = $1 order by created_at`, [userId]);
  }

  async pushById(id: string): Promise<PushSubscriptionRow | undefined> {
    const rows: PushSubscriptionRow[] = await this.db.query(`select * from push_subscriptions where id = $1`, [id]);
    return rows[0];
  }

  async deletePush(id: string, userId?: string): Promise<boolean> {
    const [, count]: [unknown, number] = userId
      ? await this.db.query(`delete from push_subscriptions where id = $1 and user_id = $2`, [id, userId])
      : await this.db.query(`delete from push_subscriptions where id = $1`, [id]);
    return count > 0;
  }

  async pushDelivered(id: string): Promise<void> {
    await this.db.query(`update push_subscriptions set last_success_at = now() where id = $1`, [id]);
  }

  async saveLinkCode(codeHash: string, userId: string, minutes: number): Promise<void> {
    await this.db.query(`insert into telegram_link_codes (code_hash, user_id, expires_at) values ($1, $2, now() + make_interval(mins => $3))`, [
      codeHash,
      userId,
      minutes,
    ]);
  }

  /** Uses a link code once: links the chat to the code's user (replacing their earlier chat, or the chat's earlier user). */
  async redeemLinkCode(codeHash: string, chatId: string): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const [rows]: [Array<{ user_id: string }>, number] = await tx.query(
        `update telegram_link_codes set used_at = now() where code_hash = $1 and used_at is null and expires_at > now() returning user_id`,
        [codeHash],
      );
      const userId = rows[0]?.user_id;
      if (!userId) return undefined;
      await tx.query(`delete from telegram_links where chat_id = $1 or user_id = $2`, [chatId, userId]);
      await tx.query(`insert into telegram_links (user_id, chat_id) values ($1, $2)`, [userId, chatId]);
      return userId;
    });
  }

  async telegramOf(userId: string): Promise<{ chat_id: string; linked_at: Date } | undefined> {
    const rows: Array<{ chat_id: string; linked_at: Date }> = await this.db.query(`select chat_id, linked_at from telegram_links where user_id = $1`, [userId]);
    return rows[0];
  }

  async userOfChat(chatId: string): Promise<ChannelUser | undefined> {
    const rows: ChannelUser[] = await this.db.query(
      `select u.id, u.email, u.name, u.role, u.disabled_at from telegram_links l join users u on u.id = l.user_id where l.chat_id = $1`,
      [chatId],
    );
    return rows[0];
  }

  async unlinkChat(chatId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(`delete from telegram_links where chat_id = $1`, [chatId]);
    return count > 0;
  }

  async unlinkUser(userId: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(`delete from telegram_links where user_id = $1`, [userId]);
    return count > 0;
  }

  async preferences(userId: string): Promise<PreferencesRow> {
    const rows: PreferencesRow[] = await this.db.query(`select language, quiet_start, quiet_end from alert_preferences where user_id = $1`, [userId]);
    return rows[0] ?? { language: 'ru', quiet_start: null, quiet_end: null };
  }

  async savePreferences(userId: string, language: 'ru' | 'en', quiet: { start: number; end: number } | null): Promise<void> {
    await this.db.query(
      `insert into alert_preferences (user_id, language, quiet_start, quiet_end) values ($1, $2, $3, $4)
       on conflict (user_id) do update set language = excluded.language, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = now()`,
      [userId, language, quiet?.start ?? null, quiet?.end ?? null],
    );
  }

  /** Keeps only the language (the person answered in it), quiet hours untouched. */
  async saveLanguage(userId: string, language: 'ru' | 'en'): Promise<void> {
    await this.db.query(
      `insert into alert_preferences (user_id, language) values ($1, $2) on conflict (user_id) do update set language = excluded.language, updated_at = now()`,
      [userId, language],
    );
  }
}

export function toPreferences(row: PreferencesRow): AlertPreferences {
  return {
    language: row.language,
    quietHours: row.quiet_start === null || row.quiet_end === null ? null : { start: minutesToClock(row.quiet_start), end: minutesToClock(row.quiet_end) },
  };
}
