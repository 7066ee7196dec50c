import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createUserRequest, createUserResponse, updateUserRequest, user, userListQuery, userPage, uuid } from '@habeas/contracts';
import type { CreateUserRequest, UpdateUserRequest } from '@habeas/contracts';
import { z } from 'zod';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { SessionsService } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { UsersService, toUser } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Can('users:manage')
  @Returns(userPage)
  list(@ZodQuery(userListQuery) query: z.infer<typeof userListQuery>) {
    return this.users.list(query);
  }

  @Post()
  @Can('users:manage')
  @Returns(createUserResponse, 201)
  create(@CurrentActor() actor: Actor, @ZodBody(createUserRequest) body: CreateUserRequest) {
    return this.users.create(actor, body);
  }

  @Get(':id')
  @Can('users:manage')
  @Returns(user)
  async get(@ZodParam('id', uuid) id: string) {
    return toUser(await this.users.get(id));
  }

  @Patch(':id')
  @Can('users:manage')
  @Returns(user)
  update(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(updateUserRequest) body: UpdateUserRequest) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/invite')
  @Can('users:manage')
  reinvite(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.users.reinvite(actor, id);
  }

  /** Ends every session of the user (a stolen laptop). */
  @Post(':id/sessions/revoke')
  @Can('users:manage')
  async revokeSessions(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    await this.users.get(id);
    const ended = await this.sessions.revokeAllFor(id, 'ended by admin');
    await this.audit.record(actor, { action: 'user.sessions-revoked', entityType: 'user', entityId: id, details: { ended } });
    return { ended };
  }
}
