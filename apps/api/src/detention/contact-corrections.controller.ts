import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { contactEvent, correctContactEventRequest, recordVersions, uuid } from '@habeas/contracts';
import type { CorrectContactEventRequest } from '@habeas/contracts';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { ContactCorrectionsService } from './contact-corrections.service';

@ApiTags('detention')
@Controller('contact-events')
export class ContactCorrectionsController {
  constructor(private readonly corrections: ContactCorrectionsService) {}

  /** Corrects an entry after the fact `{…fields, reason}`; the earlier version stays readable. */
  @Patch(':id')
  @Can('cases:write')
  @Returns(contactEvent)
  correct(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(correctContactEventRequest) body: CorrectContactEventRequest) {
    return this.corrections.correct(actor, id, body);
  }

  @Get(':id/versions')
  @Can('cases:read')
  @Returns(recordVersions)
  versions(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.corrections.history(actor, id);
  }
}
