import {
  contactEventCreated,
  contactEventPage,
  contactListQuery,
  contactSettings,
  contactTrend,
  contactTrendQuery,
  createContactEventRequest,
  updateContactSettingsRequest,
  caseRef,
} from '@habeas/contracts';
import type { ContactListQuery, ContactTrendQuery, CreateContactEventRequest, UpdateContactSettingsRequest } from '@habeas/contracts';
import { Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { ContactLogService } from './contact-log.service';

@ApiTags('contact')
@Controller('cases/:id/contacts')
export class ContactController {
  constructor(private readonly contacts: ContactLogService) {}

  @Get()
  @Can('cases:read')
  @Returns(contactEventPage)
  list(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(contactListQuery) query: ContactListQuery) {
    return this.contacts.list(actor, id, query);
  }

  @Post()
  @Can('cases:write')
  @Returns(contactEventCreated, 201)
  create(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(createContactEventRequest) body: CreateContactEventRequest) {
    return this.contacts.create(actor, id, body);
  }

  @Get('trend')
  @Can('cases:read')
  @Returns(contactTrend)
  trend(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodQuery(contactTrendQuery) query: ContactTrendQuery) {
    return this.contacts.trend(actor, id, query.bucket);
  }

  @Get('settings')
  @Can('cases:read')
  @Returns(contactSettings)
  settings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    return this.contacts.settings(actor, id);
  }

  @Put('settings')
  @Can('cases:write')
  @Returns(contactSettings)
  updateSettings(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(updateContactSettingsRequest) body: UpdateContactSettingsRequest) {
    return this.contacts.updateSettings(actor, id, body.noContactDays);
  }
}
