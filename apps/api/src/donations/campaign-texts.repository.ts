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

const EMPTY = { title: '', summary: '', otherWays: '' };

/** Both languages' texts from a case's rows (a language without a row is empty). */
export function textsFromRows(rows: CampaignTextRow[]): CampaignTexts {
  const texts: CampaignTexts = { ru: { ...EMPTY }, en: { ...EMPTY } };
  for (const row of rows) texts[row.language] = { title: row.title, summary: row.summary, otherWays: row.other_ways };
  return texts;
}

/** A case's texts ($1: the case), a row per language written. */
export const TEXTS_SQL = `select language, title, summary, other_ways from campaign_texts where case_id = $1`;

/** `campaign_texts`: one row per campaign and language. */
@Injectable()
export class CampaignTextsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  ofCase(caseId: string): Promise<CampaignTextRow[]> {
    return rowsOf<CampaignTextRow>(this.db, TEXTS_SQL, [caseId]);
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
