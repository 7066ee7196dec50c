import type { CampaignTexts } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../common/database/sql';

export interface CampaignTextRow {
  language: 'ru' | 'en';
  title: string;
  summary: string;
  other_ways: string;
}

/** `campaign_texts`: one row per campaign and language. */
@Injectable()
export class CampaignTextsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofCase(caseId: string): Promise<CampaignTextRow[]> {
    return rowsOf<CampaignTextRow>(this.db, `select language, title, summary, other_ways from campaign_texts where case_id = $1`, [caseId]);
  }

  /** Both languages' texts, in one transaction. */
  async save(caseId: string, texts: CampaignTexts): Promise<void> {
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
  }
}
