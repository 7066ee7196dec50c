import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  alertCount,
  alertListQuery,
  createIncidentRequest,
  incidentListQuery,
  medicalAlert,
  medicalAlertPage,
  medicalIncident,
  medicalIncidentPage,
  medicalOverview,
  medicalSettings,
  resolveAlertRequest,
  uuid,
} from '@habeas/contracts';
import type { AlertListQuery, CreateIncidentRequest, MedicalSettings, PageQuery, ResolveAlertRequest } from '@habeas/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { MedicalAlertStreamService } from './medical-alert-stream.service';
import { MedicalAlertsService } from './medical-alerts.service';
import { MedicalIncidentsService } from './medical-incidents.service';

const caseRef = z.string().trim().min(1).max(100);

@ApiTags('medical')
@Controller()
export class MedicalController {
  constructor(
    private readonly incidents: MedicalIncidentsService,
    private readonly alerts: MedicalAlertsService,
    private readonly stream: MedicalAlertStreamService,
  ) {}

  @Get('cases/:id/medical-incidents')
  @Can('medical:read')
  @Returns(medicalIncidentPage)
  listIncidents(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(incidentListQuery) query: PageQuery) {
    return this.incidents.list(actor, id, query);
  }

  @Post('cases/:id/medical-incidents')
  @Can('medical:write')
  @Returns(medicalIncident, 201)
  createIncident(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createIncidentRequest) body: CreateIncidentRequest) {
    return this.incidents.create(actor, id, body);
  }

  @Get('cases/:id/medical-settings')
  @Can('medical:read')
  @Returns(medicalSettings)
  settings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.alerts.settings(actor, id);
  }

  /** `noNewsDays`: the "no news" rule opens an alert after this many days without a medical check-in. */
  @Put('cases/:id/medical-settings')
  @Can('medical:write')
  @Returns(medicalSettings)
  updateSettings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(medicalSettings) body: MedicalSettings) {
    return this.alerts.updateSettings(actor, id, body);
  }

  @Get('medical-incidents/:id')
  @Can('medical:read')
  @Returns(medicalIncident)
  getIncident(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.incidents.get(actor, id);
  }

  @Get('medical-alerts')
  @Can('alerts:work')
  @Returns(medicalAlertPage)
  listAlerts(@CurrentActor() actor: Actor, @ZodQuery(alertListQuery) query: AlertListQuery) {
    return this.alerts.list(actor, query);
  }

  /** Server-Sent Events: `event: alert`, `id:` the change sequence (send it back as Last-Event-ID to replay). */
  @Get('medical-alerts/stream')
  @Can('alerts:work')
  async streamAlerts(@CurrentActor() actor: Actor, @Res() reply: FastifyReply): Promise<void> {
    this.stream.assertRoomFor(actor);
    reply.hijack();
    const lastEventId = reply.request.headers['last-event-id'];
    await this.stream.subscribe(actor, reply.raw, typeof lastEventId === 'string' ? lastEventId : undefined);
  }

  @Get('medical/overview')
  @Can('medical:read')
  @Returns(medicalOverview)
  overview(@CurrentActor() actor: Actor) {
    return this.alerts.overview(actor);
  }

  @Get('medical-alerts/count')
  @Can('alerts:work')
  @Returns(alertCount)
  async countAlerts(@CurrentActor() actor: Actor) {
    return this.alerts.unresolvedCountsFor(actor);
  }

  @Get('medical-alerts/:id')
  @Can('alerts:work')
  @Returns(medicalAlert)
  getAlert(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.alerts.get(actor, id);
  }

  @Post('medical-alerts/:id/acknowledge')
  @Can('alerts:work')
  @HttpCode(200)
  @Returns(medicalAlert)
  acknowledge(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.alerts.acknowledge(actor, id);
  }

  @Post('medical-alerts/:id/resolve')
  @Can('alerts:work')
  @HttpCode(200)
  @Returns(medicalAlert)
  resolve(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(resolveAlertRequest) body: ResolveAlertRequest) {
    return this.alerts.resolve(actor, id, body.note);
  }
}
