import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { correctIncidentRequest, medicalIncident, recordVersions, uuid } from '@habeas/contracts';
import type { CorrectIncidentRequest } from '@habeas/contracts';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { MedicalIncidentCorrectionsService } from './medical-incident-corrections.service';

@ApiTags('medical')
@Controller('medical-incidents')
export class MedicalCorrectionsController {
  constructor(private readonly corrections: MedicalIncidentCorrectionsService) {}

  /** Corrects an incident after the fact `{…fields, reason}`; the earlier version stays readable. */
  @Patch(':id')
  @Can('medical:write')
  @Returns(medicalIncident)
  correct(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(correctIncidentRequest) body: CorrectIncidentRequest) {
    return this.corrections.correct(actor, id, body);
  }

  @Get(':id/versions')
  @Can('medical:read')
  @Returns(recordVersions)
  versions(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.corrections.history(actor, id);
  }
}
