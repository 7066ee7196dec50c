import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { passwordResetConfirm, passwordResetOptions, passwordResetRequest, resetLinkResponse, uuid } from '@habeas/contracts';
import type { PasswordResetConfirm, PasswordResetRequest } from '@habeas/contracts';
import { Can, CurrentActor, Public } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller()
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /** Whether "forgot password" mails a link, or the user must ask an admin for one. */
  @Get('auth/password-reset')
  @Public()
  @Returns(passwordResetOptions)
  options() {
    return this.resets.options();
  }

  /** 202 whether or not the address is known. */
  @Post('auth/password-reset/request')
  @Public()
  @HttpCode(202)
  async request(@ZodBody(passwordResetRequest) body: PasswordResetRequest, @Req() request: FastifyRequest): Promise<{ byMail: boolean }> {
    await this.resets.requestByMail(body.email, request.ip);
    return this.resets.options();
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(204)
  async confirm(@ZodBody(passwordResetConfirm) body: PasswordResetConfirm): Promise<void> {
    await this.resets.confirm(body.token, body.password);
  }

  /** A one-time reset link the admin hands to the user (valid a day). */
  @Post('users/:id/password-reset')
  @Can('users:manage')
  @Returns(resetLinkResponse, 201)
  issue(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    return this.resets.issueLink(actor, id);
  }
}
