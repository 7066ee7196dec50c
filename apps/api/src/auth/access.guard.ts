import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, AccessRule, MFA_SETUP_OPEN_KEY } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { roleCan } from '@habeas/contracts';
import { sameSecret } from '../common/crypto/tokens';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from './cookies';
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
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new MissingAccessRule(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.cookies?.[SESSION_COOKIE];
    const userAgent = String(request.headers['user-agent'] ?? '');
    const actor = token ? await this.sessions.authenticate(token, request.ip, userAgent) : null;
    if (actor) request.actor = actor;
    if (rule.kind === 'public') return true;
    if (!actor) throw new UnauthorizedException('Sign in first');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const cookie = request.cookies?.[CSRF_COOKIE];
      if (typeof header !== 'string' || !cookie || !sameSecret(header, cookie)) {
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
