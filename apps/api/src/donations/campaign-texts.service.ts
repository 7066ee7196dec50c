import type { CampaignTexts } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { CampaignTextsRepository, textsFromRows } from './campaign-texts.repository';

/** A campaign's public title, summary and "other ways to give", in Russian and in English (empty where not written). */
@Injectable()
export class CampaignTextsService {
  constructor(private readonly texts: CampaignTextsRepository) {}

  async textsOf(caseId: string): Promise<CampaignTexts> {
    return textsFromRows(await this.texts.ofCase(caseId));
  }

  async saveTexts(caseId: string, texts: CampaignTexts): Promise<CampaignTexts> {
    await this.texts.save(caseId, texts);
    return this.textsOf(caseId);
  }
}
