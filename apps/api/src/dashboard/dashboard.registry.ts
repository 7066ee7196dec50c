import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import type { Capability } from '@habeas/contracts';

/** A figure another area adds to the dashboard, e.g. medical's `openMedicalAlerts` or donations' `raisedThisMonth`. */
export interface DashboardWidget {
  key: string;
  /** Only users whose role has this capability get the widget (finance never sees medical figures). */
  capability: Capability;
  /** Computes the figure for this actor (limited to the cases the actor may see). */
  compute(actor: Actor): Promise<unknown>;
}

/** The one place areas plug figures into `GET /api/dashboard` (they appear under `widgets[key]`); register in onModuleInit. */
@Injectable()
export class DashboardRegistry {
  private readonly widgets: DashboardWidget[] = [];

  register(widget: DashboardWidget): void {
    if (this.widgets.some((existing) => existing.key === widget.key)) throw new Error(`dashboard widget ${widget.key} registered twice`);
    this.widgets.push(widget);
  }

  all(): readonly DashboardWidget[] {
    return this.widgets;
  }
}
