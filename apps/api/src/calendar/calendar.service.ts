import type { CalendarFeed } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { NotFound } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { readerLanguage, textsIn } from '../common/i18n/server-texts';
import { CalendarRepository } from './calendar.repository';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A per-user secret iCal URL with the hearings and deadlines of the user's cases. Only the token's
 * hash is stored; regenerating replaces it and revoking deletes it, so old URLs stop working at once.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async status(actor: Actor): Promise<CalendarFeed> {
    const createdAt = await this.repository.createdAt(actor.id);
    return { url: null, active: !!createdAt, createdAt: createdAt?.toISOString() ?? null };
  }

  /** Issues a new secret URL, invalidating any previous one. */
  async regenerate(actor: Actor): Promise<CalendarFeed> {
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.repository.replaceToken(actor.id, hashOf(token));
    await this.audit.record(actor, { action: 'calendar.regenerate', entityType: 'user', entityId: actor.id });
    return { url: `${this.config.publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`, active: true, createdAt: createdAt.toISOString() };
  }

  async revoke(actor: Actor): Promise<void> {
    await this.repository.delete(actor.id);
    await this.audit.record(actor, { action: 'calendar.revoke', entityType: 'user', entityId: actor.id });
  }

  /** The iCal text for a token; an unknown or revoked token, or a disabled user, is a 404. */
  async feed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw new NotFound('Calendar');
    const user = await this.repository.ownerOf(hashOf(token));
    if (!user || !roleCan(user.role, 'cases:read')) throw new NotFound('Calendar');
    const language = readerLanguage(user.language);
    const { hearings, deadlines } = await this.repository.entries({ ...user, language });
    // Told in the subscriber's language (Russian unless they chose English), from the same catalog as their mail.
    const t = textsIn(language);
    const calendar = ical({ name: t('events.calendar.name'), prodId: { company: 'Habeas', product: 'cases', language: language.toUpperCase() } });
    for (const h of hearings) {
      const params = { caseTitle: h.case_title, kind: h.kind, court: h.court, at: { at: h.scheduled_at.toISOString(), timeZone: h.time_zone } };
      calendar.createEvent({
        id: `hearing-${h.id}@habeas`,
        start: h.scheduled_at,
        end: new Date(h.scheduled_at.getTime() + 2 * 3600_000),
        summary: t('events.calendar.hearing.summary', params),
        location: [h.court, h.courtroom].filter(Boolean).join(', ') || undefined,
        // The instant is exact (UTC); the court's own clock is stated so the feed agrees with the screens.
        description: t('events.calendar.hearing.description', params) + (h.court ? t('events.calendar.hearing.court', params) : ''),
      });
    }
    for (const d of deadlines) {
      const params = { caseTitle: d.case_title, title: d.title, due: { at: d.due_at.toISOString(), timeZone: d.time_zone } };
      calendar.createEvent({
        id: `deadline-${d.id}@habeas`,
        description: t('events.calendar.deadline.description', params),
        start: new Date(d.due_at.getTime() - 30 * 60_000),
        end: d.due_at,
        summary: t('events.calendar.deadline.summary', params) + (d.done_at ? t('events.calendar.deadline.done') : ''),
      });
    }
    return calendar.toString();
  }
}
