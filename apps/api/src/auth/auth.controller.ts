import { Controller, Delete, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInviteRequest,
  changePasswordRequest,
  enableMfaRequest,
  loginRequest,
  loginResponse,
  mfaSetupResponse,
  reauthRequest,
  recoveryCodesResponse,
  updateMeRequest,
  uuid,
} from '@habeas/contracts';
import type { AcceptInviteRequest, ChangePasswordRequest, EnableMfaRequest, ReauthRequest, UpdateMeRequest } from '@habeas/contracts';
import { CurrentActor, OpenDuringMfaSetup, Public, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { NotFound } from '../common/http/domain-error';
import { Returns, ZodBody, ZodParam } from '../common/http/zod-validation';
import { AppConfig } from '../config/app-config';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from './auth.service';
import { clearSessionCookies, cookieNames, csrfTokenFor, setCsrfCookie, setSessionCookies, type CookieNames } from './cookies';
import { LocalAuthGuard } from './local-auth.guard';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.secure = config.env === 'production';
    this.cookieNames = cookieNames(this.secure);
  }

  private readonly secure: boolean;
  private readonly cookieNames: CookieNames;

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
    const { token, sessionId, user } = await this.auth.signIn(request.user, request.ip, String(request.headers['user-agent'] ?? ''), request.actor?.sessionId);
    setSessionCookies(reply, this.cookieNames, token, csrfTokenFor(this.config.sessionSecret, sessionId), this.secure);
    return { user };
  }

  @Post('logout')
  @SignedIn()
  @OpenDuringMfaSetup()
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.signOut(actor);
    clearSessionCookies(reply, this.cookieNames, this.secure);
  }

  @Get('me')
  @SignedIn()
  @OpenDuringMfaSetup()
  @Returns(loginResponse)
  async me(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    // Re-issued on every visit, so a browser holding an older csrf cookie is brought in step with its session.
    setCsrfCookie(reply, this.cookieNames, csrfTokenFor(this.config.sessionSecret, actor.sessionId), this.secure);
    return { user: await this.auth.me(actor) };
  }

  /** The user's own settings: language of mail and server texts, a lawyer's advocate registry number (audited). */
  @Patch('me')
  @SignedIn()
  @Returns(loginResponse)
  async updateMe(@CurrentActor() actor: Actor, @ZodBody(updateMeRequest) body: UpdateMeRequest) {
    await this.users.updateSelf(actor, body);
    return { user: await this.auth.me(actor) };
  }

  @Post('mfa/setup')
  @SignedIn()
  @OpenDuringMfaSetup()
  @HttpCode(200)
  @Returns(mfaSetupResponse)
  mfaSetup(@CurrentActor() actor: Actor) {
    return this.auth.beginMfaSetup(actor);
  }

  @Post('mfa/enable')
  @SignedIn()
  @OpenDuringMfaSetup()
  @HttpCode(204)
  async mfaEnable(@CurrentActor() actor: Actor, @ZodBody(enableMfaRequest) body: EnableMfaRequest): Promise<void> {
    await this.auth.enableMfa(actor, body.totp, body.password);
  }

  /** Ten new one-time recovery codes, shown once (the old ones stop working). */
  @Post('mfa/recovery-codes')
  @SignedIn()
  @OpenDuringMfaSetup()
  @HttpCode(200)
  @Returns(recoveryCodesResponse)
  recoveryCodes(@CurrentActor() actor: Actor, @ZodBody(reauthRequest) body: ReauthRequest) {
    return this.auth.regenerateRecoveryCodes(actor, body);
  }

  @Get('mfa/recovery-codes')
  @SignedIn()
  async recoveryCodesLeft(@CurrentActor() actor: Actor) {
    return { remaining: await this.auth.recoveryCodesLeft(actor.id) };
  }

  @Post('mfa/disable')
  @SignedIn()
  @HttpCode(204)
  async mfaDisable(@CurrentActor() actor: Actor, @ZodBody(reauthRequest) body: ReauthRequest): Promise<void> {
    await this.auth.disableMfa(actor, body);
  }

  /** Changes the own password (the current one is required) and ends every other session. */
  @Post('password')
  @SignedIn()
  @OpenDuringMfaSetup()
  @HttpCode(204)
  async changePassword(@CurrentActor() actor: Actor, @ZodBody(changePasswordRequest) body: ChangePasswordRequest): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
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
    await this.audit.record(actor, { action: 'auth.session-ended', entityType: 'session', entityId: id });
  }

  @Post('invites/accept')
  @Public()
  @HttpCode(204)
  async acceptInvite(@ZodBody(acceptInviteRequest) body: AcceptInviteRequest): Promise<void> {
    await this.users.acceptInvite(body.token, body.password);
  }
}
