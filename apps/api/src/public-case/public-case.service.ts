import { Injectable } from '@nestjs/common';
import type { PublicCase } from '@habeas/contracts';
import { Feed } from 'feed';
import { NotFound } from '../common/http/domain-error';
import { AppConfig } from '../config/app-config';
import { CampaignTextsService } from '../donations/campaign-texts.service';
import { CaseUpdatesRepository } from './case-updates.repository';
import { SolidarityService } from '../solidarity/solidarity.service';
import { paragraphs } from './public-html';
import { PublicCaseRepository } from './public-case.repository';

export type PublicLanguage = 'ru' | 'en';

/** The courts this app serves sit in Moscow; sittings are told in the court's zone. */
const COURT_ZONE = 'Europe/Moscow';

/**
 * What the public may know about a case, and nothing else: the title and summary the team wrote for the
 * public, upcoming court sittings, where letters go, vetted updates and the way to the fund.
 */
@Injectable()
export class PublicCaseService {
  constructor(
    private readonly cases: PublicCaseRepository,
    private readonly updates: CaseUpdatesRepository,
    private readonly texts: CampaignTextsService,
    private readonly config: AppConfig,
    private readonly solidarity: SolidarityService,
  ) {}

  async publicCase(slug: string, language: PublicLanguage): Promise<PublicCase> {
    const theCase = await this.cases.publicCase(slug);
    if (!theCase) throw new NotFound('Case');
    const texts = (await this.texts.textsOf(theCase.id))[language];
    const facility = await this.cases.currentFacility(theCase.id);
    return {
      slug: theCase.slug,
      title: texts.title || (language === 'en' && theCase.title_en) || theCase.title,
      summary: texts.summary || (language === 'en' && theCase.public_summary_en) || theCase.public_summary,
      language,
      hearings: (await this.cases.upcomingHearings(theCase.id)).map((h) => ({
        id: h.id,
        scheduledAt: h.scheduled_at.toISOString(),
        timeZone: COURT_ZONE,
        court: h.court,
        address: h.address,
        kind: h.kind,
      })),
      updates: (await this.updates.published(theCase.id, 20)).map((u) => ({
        id: u.id,
        publishedAt: u.published_at!.toISOString(),
        title: u.title,
        body: u.body,
        language: u.language,
      })),
      writeTo: facility?.address ? { facility: facility.name, address: facility.address, rules: facility.correspondence_rules || null } : null,
      donateUrl: `${this.config.publicUrl}/donate/${theCase.slug}`,
      solidarity: await this.solidarity.approved(theCase.id),
    };
  }

  /** Atom 1.0 of the published updates, newest first. */
  async feed(slug: string, language: PublicLanguage): Promise<string> {
    const view = await this.publicCase(slug, language);
    const page = `${this.config.publicUrl}/support/${view.slug}`;
    const feed = new Feed({
      title: view.title,
      description: view.summary,
      id: page,
      link: page,
      language,
      updated: view.updates[0] ? new Date(view.updates[0].publishedAt) : new Date(0),
      copyright: '',
      feedLinks: { atom: `${this.config.publicUrl}/api/public/cases/${view.slug}/feed.atom` },
    });
    for (const update of view.updates) {
      feed.addItem({
        id: `urn:uuid:${update.id}`,
        title: update.title,
        link: `${page}#update-${update.id}`,
        date: new Date(update.publishedAt),
        published: new Date(update.publishedAt),
        content: paragraphs(update.body),
      });
    }
    return feed.atom1();
  }
}
