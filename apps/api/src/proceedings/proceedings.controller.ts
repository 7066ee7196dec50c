import {
  createCustodyEventRequest,
  createDeadlineRequest,
  createHearingRequest,
  custodyEvent,
  custodyEventPage,
  deadline,
  deadlineListQuery,
  deadlinePage,
  hearing,
  hearingListQuery,
  hearingPage,
  pageQuery,
  updateCustodyEventRequest,
  updateDeadlineRequest,
  updateHearingRequest,
  uuid,
  caseRef,
} from '@habeas/contracts';
import type {
  CreateCustodyEventRequest,
  CreateDeadlineRequest,
  CreateHearingRequest,
  DeadlineListQuery,
  HearingListQuery,
  PageQuery,
  UpdateCustodyEventRequest,
  UpdateDeadlineRequest,
  UpdateHearingRequest,
} from '@habeas/contracts';
import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { ProceedingsService } from './proceedings.service';

@ApiTags('cases')
@Controller('cases/:id')
export class ProceedingsController {
  constructor(private readonly proceedings: ProceedingsService) {}

  @Get('hearings')
  @Can('cases:read')
  @Returns(hearingPage)
  hearings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(hearingListQuery) query: HearingListQuery) {
    return this.proceedings.hearings(actor, id, query);
  }

  @Post('hearings')
  @Can('cases:write')
  @Returns(hearing, 201)
  createHearing(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createHearingRequest) body: CreateHearingRequest) {
    return this.proceedings.createHearing(actor, id, body);
  }

  @Get('hearings/:hearingId')
  @Can('cases:read')
  @Returns(hearing)
  hearing(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodParam('hearingId', uuid) hearingId: string) {
    return this.proceedings.hearing(actor, id, hearingId);
  }

  @Patch('hearings/:hearingId')
  @Can('cases:write')
  @Returns(hearing)
  updateHearing(
    @CurrentActor() actor: Actor,
    @ZodParam('id', caseRef) id: string,
    @ZodParam('hearingId', uuid) hearingId: string,
    @ZodBody(updateHearingRequest) body: UpdateHearingRequest,
  ) {
    return this.proceedings.updateHearing(actor, id, hearingId, body);
  }

  @Get('deadlines')
  @Can('cases:read')
  @Returns(deadlinePage)
  deadlines(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(deadlineListQuery) query: DeadlineListQuery) {
    return this.proceedings.deadlines(actor, id, query);
  }

  @Post('deadlines')
  @Can('cases:write')
  @Returns(deadline, 201)
  createDeadline(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createDeadlineRequest) body: CreateDeadlineRequest) {
    return this.proceedings.createDeadline(actor, id, body);
  }

  @Patch('deadlines/:deadlineId')
  @Can('cases:write')
  @Returns(deadline)
  updateDeadline(
    @CurrentActor() actor: Actor,
    @ZodParam('id', caseRef) id: string,
    @ZodParam('deadlineId', uuid) deadlineId: string,
    @ZodBody(updateDeadlineRequest) body: UpdateDeadlineRequest,
  ) {
    return this.proceedings.updateDeadline(actor, id, deadlineId, body);
  }

  @Delete('deadlines/:deadlineId')
  @Can('cases:write')
  @HttpCode(204)
  async deleteDeadline(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodParam('deadlineId', uuid) deadlineId: string): Promise<void> {
    await this.proceedings.deleteDeadline(actor, id, deadlineId);
  }

  @Get('custody-events')
  @Can('cases:read')
  @Returns(custodyEventPage)
  custodyEvents(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(pageQuery) query: PageQuery) {
    return this.proceedings.custodyEvents(actor, id, query);
  }

  @Post('custody-events')
  @Can('cases:write')
  @Returns(custodyEvent, 201)
  createCustodyEvent(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createCustodyEventRequest) body: CreateCustodyEventRequest) {
    return this.proceedings.createCustodyEvent(actor, id, body);
  }

  @Patch('custody-events/:eventId')
  @Can('cases:write')
  @Returns(custodyEvent)
  updateCustodyEvent(
    @CurrentActor() actor: Actor,
    @ZodParam('id', caseRef) id: string,
    @ZodParam('eventId', uuid) eventId: string,
    @ZodBody(updateCustodyEventRequest) body: UpdateCustodyEventRequest,
  ) {
    return this.proceedings.updateCustodyEvent(actor, id, eventId, body);
  }

  @Delete('custody-events/:eventId')
  @Can('cases:write')
  @HttpCode(204)
  async deleteCustodyEvent(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodParam('eventId', uuid) eventId: string): Promise<void> {
    await this.proceedings.deleteCustodyEvent(actor, id, eventId);
  }
}
