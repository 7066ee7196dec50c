import type { CampaignTexts } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { CampaignTextsRepository } from './campaign-texts.repository';

const EMPTY = { title: '', summary: '', otherWays: '' };

/** A campaign's public title, summary and "other ways to give", in Russian and in English (empty where not written). */
@Injectable()
export class CampaignTextsService {
  constructor(private readonly texts: CampaignTextsRepository) {}

  async textsOf(caseId: string): Promise<CampaignTexts> {
    const texts: CampaignTexts = { ru: { ...EMPTY }, en: { ...EMPTY } };
    for (const row of await this.texts.ofCase(caseId)) texts[row.language] = { title: row.title, summary: row.summary, otherWays: row.other_ways };
    return texts;
  }

  async saveTexts(caseId: string, texts: CampaignTexts): Promise<CampaignTexts> {
    await this.texts.save(caseId, texts);
    return this.textsOf(caseId);
  }
}
