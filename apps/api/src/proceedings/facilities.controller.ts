import { createFacilityRequest, facility, facilityPage } from '@habeas/contracts';
import type { CreateFacilityRequest, Facility, Page } from '@habeas/contracts';
import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Can } from '../common/auth/access.decorators';
import { Returns, ZodBody } from '../common/http/zod-validation';

/** The shared directory of detention centres, hospitals, courts and colonies (not case data: no membership needed). */
@ApiTags('cases')
@Controller('facilities')
export class FacilitiesController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Can('cases:read')
  @Returns(facilityPage)
  async list(): Promise<Page<Facility>> {
    const items: Facility[] = await this.db.query(`select id, name, kind, region, address, contact from facilities order by name, id limit 500`);
    return { items, nextCursor: null };
  }

  @Post()
  @Can('cases:write')
  @Returns(facility, 201)
  async create(@ZodBody(createFacilityRequest) body: CreateFacilityRequest): Promise<Facility> {
    const [row] = await this.db.query(
      `insert into facilities (name, kind, region, address, contact) values ($1, $2, $3, $4, $5) returning id, name, kind, region, address, contact`,
      [body.name, body.kind, body.region, body.address, body.contact],
    );
    return row;
  }
}
