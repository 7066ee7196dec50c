import type { CampaignTexts } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from './sql';

const EMPTY = { title: '', summary: '', otherWays: '' };

/** A campaign's public title, summary and "other ways to give", in Russian and in English. */
@Injectable()
export class CampaignTextsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async textsOf(caseId: string): Promise<CampaignTexts> {
    const rows = await rowsOf<{ language: 'ru' | 'en'; title: string; summary: string; other_ways: string }>(
      this.db,
      `select language, title, summary, other_ways from campaign_texts where case_id = $1`,
      [caseId],
    );
    const texts: CampaignTexts = { ru: { ...EMPTY }, en: { ...EMPTY } };
    for (const row of rows) texts[row.language] = { title: row.title, summary: row.summary, otherWays: row.other_ways };
    return texts;
  }

  async saveTexts(caseId: string, texts: CampaignTexts): Promise<CampaignTexts> {
    await this.db.transaction(async (m) => {
      for (const language of ['ru', 'en'] as const) {
        const { title, summary, otherWays } = texts[language];
        await m.query(
          `insert into campaign_texts (case_id, language, title, summary, other_ways) values ($1, $2, $3, $4, $5)
           on conflict (case_id, language) do update set title = excluded.title, summary = excluded.summary, other_ways = excluded.other_ways, updated_at = now()`,
          [caseId, language, title, summary, otherWays],
        );
      }
    });
    return this.textsOf(caseId);
  }
}
