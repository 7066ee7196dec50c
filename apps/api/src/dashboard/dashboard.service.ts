import type { Dashboard } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { CaseAccess } from '../cases/case-access.service';
import { CaseVersions } from '../cases/case-versions.repository';
import { TimelineService } from '../cases/timeline/timeline.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { DEADLINE_COLUMNS, HEARING_COLUMNS, toDeadline, toHearing } from '../proceedings/proceedings.repository';
import type { DeadlineRow, HearingRow } from '../proceedings/proceedings.repository';
import { VersionedCache } from '../common/versioned-cache';
import { DashboardRegistry } from './dashboard.registry';

const HORIZON_DAYS = 14;
type CaseFigures = Omit<Dashboard, 'widgets'>;

/**
 * The signed-in user's overview across the cases they may see. The case figures are kept per user while the
 * versions of the cases they see stand and for at most the current minute ("upcoming" moves with the clock);
 * other areas' widgets are computed on every request.
 */
@Injectable()
export class DashboardService {
  private readonly figures = new VersionedCache<CaseFigures>(2000);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CaseAccess,
    private readonly timeline: TimelineService,
    private readonly registry: DashboardRegistry,
    private readonly versions: CaseVersions,
  ) {}

  async forActor(actor: Actor, now = new Date()): Promise<Dashboard> {
    const visible = roleCan(actor.role, 'cases:read') ? await this.access.visibleCaseIds(actor, 'cases:read') : [];
    const [figures, widgets] = await Promise.all([this.caseFigures(actor, visible, now), this.widgetsFor(actor)]);
    return { ...figures, widgets };
  }

  private async widgetsFor(actor: Actor): Promise<Record<string, unknown>> {
    const mine = this.registry.all().filter((widget) => roleCan(actor.role, widget.capability));
    const values = await Promise.all(mine.map((widget) => widget.compute(actor)));
    return Object.fromEntries(mine.map((widget, i) => [widget.key, values[i]]));
  }

  private async caseFigures(actor: Actor, visible: string[] | 'all', now: Date): Promise<CaseFigures> {
    if (visible !== 'all' && visible.length === 0) return { upcomingHearings: [], upcomingDeadlines: [], custody: [], recentActivity: [] };
    if (!this.timeline.versioned) return this.computeFigures(actor, visible, now);
    const seen = visible === 'all' ? 'all' : createHash('sha256').update(visible.join(',')).digest('base64url');
    const key = `${actor.id}|${actor.role}|${actor.language ?? ''}|${seen}`;
    const version = `${await this.versions.ofMany(visible)}|${Math.floor(now.getTime() / 60_000)}`;
    const cached = this.figures.get(key, version);
    if (cached) return cached;
    const figures = await this.computeFigures(actor, visible, now);
    this.figures.set(key, version, figures);
    return figures;
  }

  private async computeFigures(actor: Actor, visible: string[] | 'all', now: Date): Promise<CaseFigures> {
    const caseIds: string[] = visible === 'all' ? (await this.db.query(`select id from cases`)).map((row: { id: string }) => row.id) : visible;
    if (caseIds.length === 0) return { upcomingHearings: [], upcomingDeadlines: [], custody: [], recentActivity: [] };

    const params = [caseIds, now.toISOString(), HORIZON_DAYS];
    const hearings: Array<HearingRow & { case_slug: string; case_title: string }> = await this.db.query(
      `select ${HEARING_COLUMNS}, c.slug as case_slug, c.title as case_title from hearings h join cases c on c.id = h.case_id
        where h.case_id = any($1) and h.scheduled_at >= $2::timestamptz and h.scheduled_at < $2::timestamptz + make_interval(days => $3)
        order by h.scheduled_at, h.id limit 50`,
      params,
    );
    const deadlines: Array<DeadlineRow & { case_slug: string; case_title: string }> = await this.db.query(
      `select ${DEADLINE_COLUMNS}, c.slug as case_slug, c.title as case_title from deadlines d join cases c on c.id = d.case_id
        where d.case_id = any($1) and d.done_at is null and d.due_at < $2::timestamptz + make_interval(days => $3)
        order by d.due_at, d.id limit 50`,
      params,
    );
    const custody: Array<{ id: string; slug: string; title: string; detained_until: string; days_left: number }> = await this.db.query(
      `select id, slug, title, to_char(detained_until, 'YYYY-MM-DD') as detained_until,
              (detained_until - ($2::timestamptz at time zone 'Europe/Moscow')::date) as days_left
         from cases where id = any($1) and detained_until is not null order by detained_until`,
      [caseIds, now.toISOString()],
    );
    const recent = await this.timeline.recent(actor, caseIds, now, 10);
    return {
      upcomingHearings: hearings.map((row) => ({ ...toHearing(row), caseSlug: row.case_slug, caseTitle: row.case_title })),
      upcomingDeadlines: deadlines.map((row) => ({ ...toDeadline(row), caseSlug: row.case_slug, caseTitle: row.case_title })),
      custody: custody.map((row) => ({
        caseId: row.id,
        caseSlug: row.slug,
        caseTitle: row.title,
        detainedUntil: row.detained_until,
        daysLeft: Number(row.days_left),
      })),
      recentActivity: recent,
    };
  }
}
