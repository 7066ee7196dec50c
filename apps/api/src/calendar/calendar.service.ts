import { formatCourtTime } from '@habeas/contracts';
import type { CalendarFeed } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { NotFound } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A per-user secret iCal URL with the hearings and deadlines of the user's cases. Only the token's
 * hash is stored; regenerating replaces it and revoking deletes it, so old URLs stop working at once.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async status(actor: Actor): Promise<CalendarFeed> {
    const [row] = await this.db.query(`select created_at from calendar_feeds where user_id = $1`, [actor.id]);
    return { url: null, active: !!row, createdAt: row ? (row.created_at as Date).toISOString() : null };
  }

  /** Issues a new secret URL, invalidating any previous one. */
  async regenerate(actor: Actor): Promise<CalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.db.query(
      `insert into calendar_feeds (user_id, token_hash) values ($1, $2)
       on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now() returning created_at`,
      [actor.id, hashOf(token)],
    );
    await this.audit.record(actor, { action: 'calendar.regenerate', entityType: 'user', entityId: actor.id });
    return { url: `${this.config.publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`, active: true, createdAt: (row.created_at as Date).toISOString() };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.db.query(`delete from calendar_feeds where user_id = $1`, [actor.id]);
    await this.audit.record(actor, { action: 'calendar.revoke', entityType: 'user', entityId: actor.id });
  }

  /** The iCal text for a token; an unknown or revoked token, or a disabled user, is a 404. */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('Calendar');
    const [user] = await this.db.query(
      `select u.id, u.role from calendar_feeds f join users u on u.id = f.user_id where f.token_hash = $1 and u.disabled_at is null`,
      [hashOf(token)],
    );
    if (!user || !roleCan(user.role, 'cases:read')) throw new NotFound('Calendar');
    const visible = user.role === 'admin' ? 'true' : 'c.id in (select case_id from case_members where user_id = $1)';
    const hearings: Array<{ id: string; kind: string; scheduled_at: Date; time_zone: string; court: string; courtroom: string; case_title: string }> =
      await this.db.query(
        `select h.id, h.kind, h.scheduled_at, h.time_zone, h.court, h.courtroom, c.title as case_title
         from hearings h join cases c on c.id = h.case_id
        where ${visible} and h.scheduled_at > now() - interval '180 days' order by h.scheduled_at limit 1000`,
        user.role === 'admin' ? [] : [user.id],
      );
    const deadlines: Array<{ id: string; title: string; due_at: Date; done_at: Date | null; case_title: string }> = await this.db.query(
      `select d.id, d.title, d.due_at, d.done_at, c.title as case_title
         from deadlines d join cases c on c.id = d.case_id
        where ${visible} and d.due_at > now() - interval '180 days' order by d.due_at limit 1000`,
      user.role === 'admin' ? [] : [user.id],
    );
    const calendar = ical({ name: 'Habeas', prodId: { company: 'Habeas', product: 'cases', language: 'EN' } });
    for (const h of hearings) {
      calendar.createEvent({
        id: `hearing-${h.id}@habeas`,
        start: h.scheduled_at,
        end: new Date(h.scheduled_at.getTime() + 2 * 3600_000),
        summary: `${h.case_title}: ${h.kind.replace(/_/g, ' ')} hearing`,
        location: [h.court, h.courtroom].filter(Boolean).join(', ') || undefined,
        // The instant is exact (UTC); the court's own clock is stated so the feed agrees with the screens.
        description: `Court time / время суда: ${formatCourtTime(h.scheduled_at, h.time_zone, 'ru', h.time_zone).court}`,
      });
    }
    for (const d of deadlines) {
      calendar.createEvent({
        id: `deadline-${d.id}@habeas`,
        description: `Срок до / due by: ${formatCourtTime(d.due_at, 'Europe/Moscow', 'ru', 'Europe/Moscow').court}`,
        start: new Date(d.due_at.getTime() - 30 * 60_000),
        end: d.due_at,
        summary: `${d.case_title}: ${d.title}${d.done_at ? ' ✓' : ''}`,
      });
    }
    return calendar.toString();
  }
}
