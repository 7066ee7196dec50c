import type { FundSettings } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rowsOf } from '../common/database/sql';

const KEY = 'fund.settings';

/** The fund's own facts (its legal name on receipts), one row of app_settings. */
@Injectable()
export class FundSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(): Promise<FundSettings | null> {
    const [row] = await rowsOf<{ value: FundSettings }>(this.db, `select value from app_settings where key = $1`, [KEY]);
    return row?.value ?? null;
  }

  async save(settings: FundSettings): Promise<void> {
    await this.db.query(
      `insert into app_settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [KEY, JSON.stringify(settings)],
    );
  }
}
