import { createFacilityRequest, facility, facilityPage } from '@habeas/contracts';
import type { CreateFacilityRequest, Facility, Page } from '@habeas/contracts';
import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can } from '../common/auth/access.decorators';
import { Returns, ZodBody } from '../common/http/zod-validation';
import { FacilitiesRepository } from './facilities.repository';

/** The shared directory of detention centres, hospitals, courts and colonies (not case data: no membership needed). */
@ApiTags('cases')
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesRepository) {}

  @Get()
  @Can('cases:read')
  @Returns(facilityPage)
  async list(): Promise<Page<Facility>> {
    return { items: await this.facilities.list(500), nextCursor: null };
  }

  @Post()
  @Can('cases:write')
  @Returns(facility, 201)
  async create(@ZodBody(createFacilityRequest) body: CreateFacilityRequest): Promise<Facility> {
    return this.facilities.insert(body);
  }
}
