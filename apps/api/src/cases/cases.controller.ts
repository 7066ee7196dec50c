import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  addCaseMemberRequest,
  caseListQuery,
  caseRef,
  caseMember,
  caseMemberPage,
  casePage,
  caseSummary,
  createCaseRequest,
  timelinePage,
  timelineQuery,
  updateCaseRequest,
  uuid,
} from '@habeas/contracts';
import type { AddCaseMemberRequest, CaseListQuery, CreateCaseRequest, TimelineQuery, UpdateCaseRequest } from '@habeas/contracts';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { CasesService } from './cases.service';
import { TimelineService } from './timeline/timeline.service';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly timeline: TimelineService,
  ) {}

  @Get(':id/timeline')
  @Can('cases:read')
  @Returns(timelinePage)
  timelineOf(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(timelineQuery) query: TimelineQuery) {
    return this.timeline.list(actor, id, query);
  }

  @Get()
  @Can('cases:list')
  @Returns(casePage)
  list(@CurrentActor() actor: Actor, @ZodQuery(caseListQuery) query: CaseListQuery) {
    return this.cases.list(actor, query);
  }

  @Post()
  @Can('cases:create')
  @Returns(caseSummary, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createCaseRequest) body: CreateCaseRequest) {
    return this.cases.create(actor, body);
  }

  @Get(':id')
  @Can('cases:list')
  @Returns(caseSummary)
  get(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.cases.get(actor, id);
  }

  @Patch(':id')
  @Can('cases:write')
  @Returns(caseSummary)
  update(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(updateCaseRequest) body: UpdateCaseRequest) {
    return this.cases.update(actor, id, body);
  }

  /** The team of the case, for everyone on it. */
  @Get(':id/team')
  @Can('cases:read')
  @Returns(caseMemberPage)
  team(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.cases.team(actor, id);
  }

  @Get(':id/members')
  @Can('cases:manage-members')
  @Returns(caseMemberPage)
  members(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.cases.members(actor, id);
  }

  @Post(':id/members')
  @Can('cases:manage-members')
  @Returns(caseMember, 201)
  addMember(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(addCaseMemberRequest) body: AddCaseMemberRequest) {
    return this.cases.addMember(actor, id, body);
  }

  @Delete(':id/members/:userId')
  @Can('cases:manage-members')
  @HttpCode(204)
  async removeMember(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodParam('userId', uuid) userId: string): Promise<void> {
    await this.cases.removeMember(actor, id, userId);
  }
}
