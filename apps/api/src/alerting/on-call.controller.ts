import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  onCallOverrideRequest,
  onCallPolicy,
  onCallPolicyRequest,
  onCallScope,
  uuid,
  type OnCallOverrideRequest,
  type OnCallPolicyRequest,
  type OnCallScope,
} from '@habeas/contracts';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { OnCallService } from './on-call.service';

/** On-call rota and escalation policy, per case (`caseId`) or team-wide (no case): admins only. */
@ApiTags('alerts on phones')
@Controller('on-call')
export class OnCallController {
  constructor(private readonly onCall: OnCallService) {}

  @Get('policy')
  @Can('oncall:manage')
  @Returns(onCallPolicy)
  policy(@CurrentActor() actor: Actor, @ZodQuery(onCallScope) query: OnCallScope) {
    return this.onCall.policy(actor, query.caseId ?? null);
  }

  @Put('policy')
  @Can('oncall:manage')
  @Returns(onCallPolicy)
  savePolicy(@CurrentActor() actor: Actor, @ZodBody(onCallPolicyRequest) body: OnCallPolicyRequest) {
    return this.onCall.savePolicy(actor, body);
  }

  @Post('overrides')
  @Can('oncall:manage')
  @Returns(z.object({ id: uuid }), 201)
  addOverride(@CurrentActor() actor: Actor, @ZodBody(onCallOverrideRequest) body: OnCallOverrideRequest) {
    return this.onCall.addOverride(actor, body);
  }

  @Delete('overrides/:id')
  @Can('oncall:manage')
  @HttpCode(204)
  async removeOverride(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string): Promise<void> {
    await this.onCall.removeOverride(actor, id);
  }
}
