import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  adminContacts,
  createUserRequest,
  createUserResponse,
  reinviteResponse,
  updateUserRequest,
  user,
  userListQuery,
  userPage,
  uuid,
} from '@habeas/contracts';
import type { CreateUserRequest, UpdateUserRequest } from '@habeas/contracts';
import { z } from 'zod';
import { Can, CurrentActor, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { SessionsService } from '../auth/sessions.service';
import { AuditService } from '../audit/audit.service';
import { UsersService } from './users.service';

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

  /** Whom to ask for access (a user without cases sees this): the enabled admins. */
  @Get('admins')
  @SignedIn()
  @Returns(adminContacts)
  admins() {
    return this.users.adminContacts();
  }

  @Get(':id')
  @Can('users:manage')
  @Returns(user)
  get(@ZodParam('id', uuid) id: string) {
    return this.users.describe(id);
  }

  @Patch(':id')
  @Can('users:manage')
  @Returns(user)
  update(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(updateUserRequest) body: UpdateUserRequest) {
    return this.users.update(actor, id, body);
  }

  /** Resends a pending invite: a new link (mailed too when mail is configured); earlier links stop working. */
  @Post(':id/invite')
  @Can('users:manage')
  @Returns(reinviteResponse, 201)
  reinvite(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.users.reinvite(actor, id);
  }

  /** Revokes a pending invite: its links stop working and the account is disabled. */
  @Delete(':id/invite')
  @Can('users:manage')
  @Returns(user)
  revokeInvite(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.users.revokeInvite(actor, id);
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
