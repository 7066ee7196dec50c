import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface PublicCaseRow {
  id: string;
  slug: string;
  title: string;
  public_summary: string;
  title_en: string;
  public_summary_en: string;
  court: string;
}

export interface PublicHearingRow {
  id: string;
  scheduled_at: Date;
  kind: string;
  court: string;
  address: string | null;
}

export interface WriteToRow {
  name: string;
  address: string;
  correspondence_rules: string;
}

/**
 * The public read model of a case: the few columns of its proceedings that are public anyway (court sittings,
 * the place of detention a letter goes to). Read-only, and only for cases marked public; nothing here can
 * reach medical, money or member data.
 */
@Injectable()
export class PublicCaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async publicCase(slug: string): Promise<PublicCaseRow | undefined> {
    const [row] = await this.db.query(`select id, slug, title, public_summary, title_en, public_summary_en, court from cases where slug = $1 and is_public`, [
      slug,
    ]);
    return row;
  }

  async slugOf(caseId: string): Promise<string | undefined> {
    const [row] = await this.db.query(`select slug from cases where id = $1 and is_public`, [caseId]);
    return row?.slug;
  }

  /** Sittings from now on; the court's address when the court is in the facilities directory. */
  async upcomingHearings(caseId: string, limit = 10): Promise<PublicHearingRow[]> {
    return this.db.query(
      `select h.id, h.scheduled_at, h.kind, coalesce(nullif(h.court, ''), c.court) as court, nullif(f.address, '') as address
         from hearings h join cases c on c.id = h.case_id
         left join lateral (select address from facilities where kind = 'court' and name = coalesce(nullif(h.court, ''), c.court) limit 1) f on true
        where h.case_id = $1 and h.scheduled_at >= now()
        order by h.scheduled_at limit $2`,
      [caseId, limit],
    );
  }

  /** Where letters and parcels go: the facility of the latest custody event that names one. */
  async currentFacility(caseId: string): Promise<WriteToRow | undefined> {
    const [row] = await this.db.query(
      `select f.name, f.address, f.correspondence_rules
         from custody_events e join facilities f on f.id = e.facility_id
        where e.case_id = $1 and e.kind <> 'released'
        order by e.occurred_at desc limit 1`,
      [caseId],
    );
    return row;
  }
}
