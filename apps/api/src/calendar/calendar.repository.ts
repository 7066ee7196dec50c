import type { Role } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FeedHearingRow {
  id: string;
  kind: string;
  scheduled_at: Date;
  time_zone: string;
  court: string;
  courtroom: string;
  case_title: string;
}

export interface FeedDeadlineRow {
  id: string;
  title: string;
  due_at: Date;
  done_at: Date | null;
  /** The court's zone: a deadline ends at the end of its day there. */
  time_zone: string;
  case_title: string;
}

export interface FeedOwner {
  id: string;
  role: Role;
  language: 'ru' | 'en';
}

/** The case's title in the subscriber's language (the query parameter `param`): English when there is one, else the Russian. */
const caseTitle = (param: string) => `case when ${param} = 'en' and c.title_en <> '' then c.title_en else c.title end`;

/** Feed tokens (their hashes only) and what a feed shows: the last 180 days onwards, at most 1000 of each. */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async createdAt(userId: string): Promise<Date | null> {
    const [row] = await this.db.query(`select created_at from calendar_feeds where user_id = $1`, [userId]);
    return row ? (row.created_at as Date) : null;
  }

  /** Stores the new token's hash in place of any earlier one; returns when it was issued. */
  async replaceToken(userId: string, tokenHash: string): Promise<Date> {
    const [row] = await this.db.query(
      `insert into calendar_feeds (user_id, token_hash) values ($1, $2)
       on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now() returning created_at`,
      [userId, tokenHash],
    );
    return row.created_at as Date;
  }

  async delete(userId: string): Promise<void> {
    await this.db.query(`delete from calendar_feeds where user_id = $1`, [userId]);
  }

  /** The enabled user a token belongs to. */
  async ownerOf(tokenHash: string): Promise<FeedOwner | undefined> {
    const [user] = await this.db.query(
      `select u.id, u.role, u.language from calendar_feeds f join users u on u.id = f.user_id where f.token_hash = $1 and u.disabled_at is null`,
      [tokenHash],
    );
    return user;
  }

  /** Hearings and deadlines of every case (an admin) or of the cases the user is a member of. */
  async entries(user: FeedOwner): Promise<{ hearings: FeedHearingRow[]; deadlines: FeedDeadlineRow[] }> {
    const everyCase = user.role === 'admin';
    const visible = everyCase ? 'true' : 'c.id in (select case_id from case_members where user_id = $2)';
    const params = everyCase ? [user.language] : [user.language, user.id];
    const hearings: FeedHearingRow[] = await this.db.query(
      `select h.id, h.kind, h.scheduled_at, h.time_zone, h.court, h.courtroom, ${caseTitle('$1')} as case_title
         from hearings h join cases c on c.id = h.case_id
        where ${visible} and h.scheduled_at > now() - interval '180 days' order by h.scheduled_at limit 1000`,
      params,
    );
    const deadlines: FeedDeadlineRow[] = await this.db.query(
      `select d.id, d.title, d.due_at, d.done_at, c.court_time_zone as time_zone, ${caseTitle('$1')} as case_title
         from deadlines d join cases c on c.id = d.case_id
        where ${visible} and d.due_at > now() - interval '180 days' order by d.due_at limit 1000`,
      params,
    );
    return { hearings, deadlines };
  }
}
