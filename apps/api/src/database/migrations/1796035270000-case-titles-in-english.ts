import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's title and public summary in English beside the Russian ones (`title`, `public_summary`), so every
 * screen, the public page and the donation page read in one language; an empty English text falls back to the Russian.
 */
export class CaseTitlesInEnglish1796035270000 implements MigrationInterface {
  name = 'CaseTitlesInEnglish1796035270000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table cases add column title_en text not null default '', add column public_summary_en text not null default ''`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table cases drop column title_en, drop column public_summary_en`);
  }
}
