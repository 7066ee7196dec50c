import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, AccessRule, MFA_SETUP_OPEN_KEY } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { sameSecret } from '../common/crypto/tokens';
import { AppConfig } from '../config/app-config';
import { cookieNames, CSRF_HEADER, csrfTokenFor } from './cookies';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class MissingAccessRule extends Error {}

type Request = FastifyRequest & { actor?: Actor };

/**
 * Global guard: every route must declare its access rule (@Public, @SignedIn
 * or @Can). Authenticates the session cookie, enforces CSRF on state changes,
 * and checks the role's capability (403). Case membership is checked by CaseAccess.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly cookies;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {
    this.cookies = cookieNames(config.env === 'production');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new MissingAccessRule(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.cookies?.[this.cookies.session];
    const userAgent = String(request.headers['user-agent'] ?? '');
    const actor = token ? await this.sessions.authenticate(token, request.ip, userAgent) : null;
    if (actor) request.actor = actor;
    if (rule.kind === 'public') return true;
    if (!actor) throw new UnauthorizedException('Sign in first');
    if (!SAFE_METHODS.has(request.method)) {
      // Bound to the session: a token copied from any other session (or planted as a cookie) does not match.
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, csrfTokenFor(this.config.sessionSecret, actor.sessionId))) {
        throw new ForbiddenException('Missing or invalid CSRF token (send the csrf cookie in the x-csrf-token header)');
      }
    }
    if (actor.mfaSetupRequired && !this.reflector.getAllAndOverride<boolean>(MFA_SETUP_OPEN_KEY, [context.getHandler(), context.getClass()])) {
      throw new ForbiddenException({ statusCode: 403, message: 'Set up two-factor sign-in first', mfaSetupRequired: true });
    }
    if (rule.kind === 'capability' && !roleCan(actor.role, rule.capability)) {
      throw new ForbiddenException('Your role may not do this');
    }
    return true;
  }
}
