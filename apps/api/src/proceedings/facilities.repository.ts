import type { CreateFacilityRequest, Facility } from '@habeas/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const COLUMNS = `id, name, kind, region, address, contact`;

/** The shared directory of detention centres, hospitals, courts and colonies. */
@Injectable()
export class FacilitiesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The whole directory by name (it stays small: a few hundred places). */
  list(limit: number): Promise<Facility[]> {
    return this.db.query(`select ${COLUMNS} from facilities order by name, id limit $1`, [limit]);
  }

  async insert(input: CreateFacilityRequest): Promise<Facility> {
    const [row] = await this.db.query(`insert into facilities (name, kind, region, address, contact) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`, [
      input.name,
      input.kind,
      input.region,
      input.address,
      input.contact,
    ]);
    return row;
  }
}
