import type { Dashboard } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CaseAccess } from '../cases/case-access.service';
import { CaseVersions } from '../cases/case-versions.repository';
import { TimelineService } from '../cases/timeline/timeline.service';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { CasesService } from '../cases/cases.service';
import { ProceedingsService } from '../proceedings/proceedings.service';
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
    private readonly access: CaseAccess,
    private readonly cases: CasesService,
    private readonly proceedings: ProceedingsService,
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
    const caseIds = visible === 'all' ? await this.cases.allIds() : visible;
    if (caseIds.length === 0) return { upcomingHearings: [], upcomingDeadlines: [], custody: [], recentActivity: [] };
    const upcoming = await this.proceedings.upcoming(caseIds, now, HORIZON_DAYS);
    const custody = await this.cases.custodyEnds(caseIds, now);
    return { ...upcoming, custody, recentActivity: await this.timeline.recent(actor, caseIds, now, 10) };
  }
}
