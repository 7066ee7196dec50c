import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { openField, sealField } from '../common/crypto/field-cipher';

type Db = Pick<EntityManager, 'query'>;
type Language = 'ru' | 'en';

export interface SubscriberRow {
  id: string;
  email: string;
  language: Language;
}

export interface AnnouncementRow {
  id: string;
  case_id: string;
  kind: 'update' | 'hearing';
  ref_id: string;
  language: Language | null;
  sent_up_to: string | null;
  done_at: Date | null;
}

const emailAt = (row: string) => ({ table: 'case_subscriptions', column: 'email', row });

/** Every query on case subscriptions and their announcements. */
@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The subscription of this address to this case: a new unconfirmed one, or the one already there. */
  async upsert(caseId: string, email: string, emailIndex: Buffer, language: Language): Promise<{ id: string; confirmed: boolean }> {
    const id = randomUUID();
    const [created] = await this.db.query(
      `insert into case_subscriptions (id, case_id, email, email_index, language) values ($1, $2, $3, $4, $5)
       on conflict (case_id, email_index) do nothing returning id`,
      [id, caseId, sealField(email, emailAt(id)), emailIndex, language],
    );
    if (created) return { id, confirmed: false };
    const [existing] = await this.db.query(`select id, confirmed_at from case_subscriptions where case_id = $1 and email_index = $2`, [caseId, emailIndex]);
    return { id: existing.id, confirmed: existing.confirmed_at !== null };
  }

  async byId(id: string): Promise<{ id: string; case_id: string; confirmed_at: Date | null } | undefined> {
    const [row] = await this.db.query(`select id, case_id, confirmed_at from case_subscriptions where id = $1`, [id]);
    return row;
  }

  async confirm(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `update case_subscriptions set confirmed_at = coalesce(confirmed_at, now()), updated_at = now() where id = $1`,
      [id],
    );
    return affected > 0;
  }

  async idsByEmail(emailIndex: Buffer): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`select id from case_subscriptions where email_index = $1`, [emailIndex]);
    return rows.map((row) => row.id);
  }

  async delete(ids: string[], m: Db): Promise<number> {
    if (ids.length === 0) return 0;
    const [, affected]: [unknown, number] = await m.query(`delete from case_subscriptions where id = any($1)`, [ids]);
    return affected;
  }

  /** Unconfirmed subscriptions older than a week: never confirmed, so never wanted. */
  async staleUnconfirmed(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `select id from case_subscriptions where confirmed_at is null and created_at < now() - interval '7 days' limit 1000`,
    );
    return rows.map((row) => row.id);
  }

  /** The next confirmed subscribers of a case after `after` (by id), in one language when given. */
  async confirmedBatch(caseId: string, language: Language | null, after: string | null, limit: number): Promise<SubscriberRow[]> {
    const rows: Array<{ id: string; email: string; language: Language }> = await this.db.query(
      `select id, email, language from case_subscriptions
        where case_id = $1 and confirmed_at is not null and ($2::text is null or language = $2) and ($3::uuid is null or id > $3)
        order by id limit $4`,
      [caseId, language, after, limit],
    );
    return rows.map((row) => ({ ...row, email: openField<string>(row.email, emailAt(row.id)) }));
  }

  /** Records an announcement once (a second publication of the same update is not announced again). */
  async announce(a: { caseId: string; kind: 'update' | 'hearing'; refId: string; language: Language | null }, m: Db): Promise<string | undefined> {
    const [row] = await m.query(
      `insert into subscription_announcements (case_id, kind, ref_id, language) values ($1, $2, $3, $4) on conflict (kind, ref_id) do nothing returning id`,
      [a.caseId, a.kind, a.refId, a.language],
    );
    return row?.id;
  }

  /** Upcoming sittings of public cases not yet announced, recorded as announcements now. */
  async announceNewHearings(m: Db): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      `insert into subscription_announcements (case_id, kind, ref_id)
       select h.case_id, 'hearing', h.id from hearings h join cases c on c.id = h.case_id
        where c.is_public and h.scheduled_at > now()
       on conflict (kind, ref_id) do nothing returning id`,
    );
    return rows.map((row) => row.id);
  }

  async announcement(id: string): Promise<AnnouncementRow | undefined> {
    const [row] = await this.db.query(`select id, case_id, kind, ref_id, language, sent_up_to, done_at from subscription_announcements where id = $1`, [id]);
    return row;
  }

  async advance(id: string, sentUpTo: string | null, done: boolean): Promise<void> {
    await this.db.query(
      `update subscription_announcements set sent_up_to = coalesce($2, sent_up_to), done_at = case when $3 then now() else null end where id = $1`,
      [id, sentUpTo, done],
    );
  }
}
