import { formatCourtTime } from '@habeas/contracts';
import type { CalendarFeed } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { NotFound } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
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
    const { hearings, deadlines } = await this.repository.entries(user);
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
