import { Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginRequest, loginResponse, passwordRule, uuid } from '@habeas/contracts';
import { CurrentActor, Public, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { newToken } from '../common/crypto/tokens';
import { NotFound } from '../common/http/domain-error';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { clearSessionCookies, setSessionCookies } from './cookies';
import { LocalAuthGuard } from './local-auth.guard';
import { SessionsService } from './sessions.service';

const totpBody = z.object({ totp: z.string().trim().min(1, 'is required').max(10) });
const acceptInviteBody = z.object({ token: z.string().min(10).max(200), password: passwordRule });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @Returns(loginResponse)
  async login(
    @ZodBody(loginRequest) _body: unknown,
    @Req() request: FastifyRequest & { user: UserEntity; actor?: Actor },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { token, user } = await this.auth.signIn(request.user, request.ip, String(request.headers['user-agent'] ?? ''), request.actor?.sessionId);
    setSessionCookies(reply, token, newToken(), this.config.env === 'production');
    return { user };
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(actor);
    clearSessionCookies(reply, this.config.env === 'production');
  }

  @Get('me')
  @SignedIn()
  @Returns(loginResponse)
  async me(@CurrentActor() actor: Actor) {
    return { user: await this.auth.me(actor) };
  }

  @Post('mfa/setup')
  @SignedIn()
  @HttpCode(200)
  mfaSetup(@CurrentActor() actor: Actor) {
    return this.auth.beginMfaSetup(actor);
  }

  @Post('mfa/enable')
  @SignedIn()
  @HttpCode(204)
  async mfaEnable(@CurrentActor() actor: Actor, @ZodBody(totpBody) body: z.infer<typeof totpBody>): Promise<void> {
    await this.auth.enableMfa(actor, body.totp);
  }

  @Get('sessions')
  @SignedIn()
  async mySessions(@CurrentActor() actor: Actor) {
    return { items: await this.sessions.activeFor(actor.id, actor.sessionId), nextCursor: null };
  }

  @Delete('sessions/:id')
  @SignedIn()
  @HttpCode(204)
  async endSession(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string): Promise<void> {
    if (!(await this.sessions.revokeOwn(actor.id, id))) throw new NotFound('Session');
  }

  @Post('invites/accept')
  @Public()
  @HttpCode(204)
  async acceptInvite(@ZodBody(acceptInviteBody) body: z.infer<typeof acceptInviteBody>): Promise<void> {
    await this.users.acceptInvite(body.token, body.password);
  }
}
