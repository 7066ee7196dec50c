import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { INJECTABLE_WATERMARK } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Capability, Role } from '@habeas/contracts';
import { Can, OpenDuringMfaSetup, Public, SignedIn } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { AppConfig } from '../config/app-config';
import { AccessGuard, MissingAccessRule } from './access.guard';
import { csrfTokenFor } from './cookies';
import { SessionsService } from './sessions.service';

const sessionSecret = randomBytes(32);

function actorOf(role: Role, extra: Partial<Actor> = {}): Actor {
  return { id: 'u1', email: 'a@example.org', name: 'A', role, sessionId: 's1', ip: '127.0.0.1', userAgent: 'test', ...extra };
}

/** A route handler carrying the given decorators, as Nest would see it. */
function route(...decorators: MethodDecorator[]): { handler: () => void; controller: new () => object } {
  class Controller {
    handle(): string {
      return 'handled';
    }
  }
  for (const decorate of decorators) decorate(Controller.prototype, 'handle', Object.getOwnPropertyDescriptor(Controller.prototype, 'handle')!);
  return { handler: Controller.prototype.handle, controller: Controller };
}

interface Call {
  method?: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string | string[]>;
  actor?: Actor | null;
  production?: boolean;
  withoutUserAgent?: boolean;
}

async function guard(target: ReturnType<typeof route>, call: Call = {}) {
  const seen: Array<{ token: string; ip: string; userAgent: string }> = [];
  const sessions = {
    authenticate: async (token: string, ip: string, userAgent: string) => {
      seen.push({ token, ip, userAgent });
      return token === 'good' ? (call.actor ?? null) : null;
    },
  } as unknown as SessionsService;
  const config = { env: call.production ? 'production' : 'test', sessionSecret } as unknown as AppConfig;
  const request: Record<string, unknown> = {
    method: call.method ?? 'GET',
    cookies: call.cookies,
    headers: { ...(call.withoutUserAgent ? {} : { 'user-agent': 'agent/1' }), ...call.headers },
    ip: '10.0.0.7',
  };
  const context = {
    getHandler: () => target.handler,
    getClass: () => target.controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  const outcome = await new AccessGuard(new Reflector(), sessions, config).canActivate(context).then(
    (allowed) => ({ allowed, error: null as unknown }),
    (error: unknown) => ({ allowed: false, error }),
  );
  return { ...outcome, request, seen };
}

const signedIn = (actor: Actor, extra: Call = {}): Call => ({ cookies: { habeas_session: 'good' }, actor, ...extra });
const csrf = (actor: Actor) => ({ 'x-csrf-token': csrfTokenFor(sessionSecret, actor.sessionId) });

describe('AccessGuard', () => {
  it('is built by Nest’s injector: injectable, with the Reflector, the sessions and the config as its constructor’s types', () => {
    assert.equal(Reflect.getMetadata(INJECTABLE_WATERMARK, AccessGuard), true);
    assert.deepEqual(Reflect.getMetadata('design:paramtypes', AccessGuard), [Reflector, SessionsService, AppConfig]);
  });

  it('refuses a route that declares no access rule, naming it', async () => {
    const { error } = await guard(route());
    assert.ok(error instanceof MissingAccessRule);
    assert.match((error as Error).message, /^Controller\.handle declares no access rule$/);
  });

  it('lets anyone through a public route, and still recognises a signed-in caller', async () => {
    const anonymous = await guard(route(Public()));
    assert.equal(anonymous.allowed, true);
    assert.equal(anonymous.request.actor, undefined);
    assert.deepEqual(anonymous.seen, [], 'no session look-up without a cookie');
    const lawyer = actorOf('lawyer');
    const known = await guard(route(Public()), signedIn(lawyer, { method: 'POST' }));
    assert.equal(known.allowed, true, 'a public POST needs no CSRF token');
    assert.equal(known.request.actor, lawyer);
    assert.deepEqual(known.seen, [{ token: 'good', ip: '10.0.0.7', userAgent: 'agent/1' }]);
  });

  it('reads the session from the __Host- cookie in production only', async () => {
    const lawyer = actorOf('lawyer');
    assert.equal((await guard(route(SignedIn()), { cookies: { '__Host-habeas_session': 'good' }, actor: lawyer, production: true })).allowed, true);
    const plainInProduction = await guard(route(SignedIn()), { cookies: { habeas_session: 'good' }, actor: lawyer, production: true });
    assert.ok(plainInProduction.error instanceof UnauthorizedException);
  });

  it('answers 401 to a signed-in route without a session, or with a session that does not authenticate', async () => {
    for (const call of [{}, { cookies: {} }, { cookies: { habeas_session: 'expired' } }] as Call[]) {
      const { error, request } = await guard(route(SignedIn()), call);
      assert.ok(error instanceof UnauthorizedException);
      assert.equal((error as UnauthorizedException).message, 'Sign in first');
      assert.equal(request.actor, undefined);
    }
  });

  it('lets a signed-in user read, and sets the actor on the request', async () => {
    const medic = actorOf('medical');
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const { allowed, request } = await guard(route(SignedIn()), signedIn(medic, { method }));
      assert.equal(allowed, true, method);
      assert.equal(request.actor, medic);
    }
  });

  it('hands the session check the caller’s address and user agent, an empty one when the browser sent none', async () => {
    const medic = actorOf('medical');
    const sent = await guard(route(SignedIn()), signedIn(medic));
    assert.deepEqual(sent.seen, [{ token: 'good', ip: '10.0.0.7', userAgent: 'agent/1' }]);
    const none = await guard(route(SignedIn()), signedIn(medic, { withoutUserAgent: true }));
    assert.deepEqual(none.seen, [{ token: 'good', ip: '10.0.0.7', userAgent: '' }]);
  });

  it('requires the CSRF token of this very session on every state change', async () => {
    const admin = actorOf('admin');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      assert.equal((await guard(route(SignedIn()), signedIn(admin, { method, headers: csrf(admin) }))).allowed, true, method);
      const missing = await guard(route(SignedIn()), signedIn(admin, { method }));
      assert.ok(missing.error instanceof ForbiddenException, method);
      assert.match((missing.error as Error).message, /CSRF/);
    }
    const otherSession = { 'x-csrf-token': csrfTokenFor(sessionSecret, 'another-session') };
    assert.ok((await guard(route(SignedIn()), signedIn(admin, { method: 'POST', headers: otherSession }))).error instanceof ForbiddenException);
    const twice = { 'x-csrf-token': [csrf(admin)['x-csrf-token'], csrf(admin)['x-csrf-token']] };
    assert.ok((await guard(route(SignedIn()), signedIn(admin, { method: 'POST', headers: twice }))).error instanceof ForbiddenException);
  });

  it('keeps a session that must set up MFA to the routes open during setup', async () => {
    const pending = actorOf('admin', { mfaSetupRequired: true });
    const closed = await guard(route(SignedIn()), signedIn(pending));
    assert.ok(closed.error instanceof ForbiddenException);
    assert.deepEqual((closed.error as ForbiddenException).getResponse(), {
      statusCode: 403,
      message: 'Set up two-factor sign-in first',
      mfaSetupRequired: true,
    });
    assert.equal((await guard(route(SignedIn(), OpenDuringMfaSetup()), signedIn(pending))).allowed, true);
    assert.equal((await guard(route(SignedIn()), signedIn(actorOf('admin', { mfaSetupRequired: false })))).allowed, true);
  });

  it('checks the capability against the role table: 403 for a role without it', async () => {
    const cases: Array<[Role, Capability, boolean]> = [
      ['finance', 'money:read', true],
      ['lawyer', 'money:read', false],
      ['medical', 'money:read', false],
      ['medical', 'medical:write', true],
      ['finance', 'medical:read', false],
    ];
    for (const [role, capability, allowed] of cases) {
      const outcome = await guard(route(Can(capability)), signedIn(actorOf(role)));
      assert.equal(outcome.allowed, allowed, `${role} ${capability}`);
      if (!allowed) {
        assert.ok(outcome.error instanceof ForbiddenException);
        assert.equal((outcome.error as Error).message, 'Your role may not do this');
      }
    }
  });

  it('checks the CSRF token before the capability (a forged request learns nothing about the role)', async () => {
    const { error } = await guard(route(Can('money:read')), signedIn(actorOf('lawyer'), { method: 'POST' }));
    assert.match((error as Error).message, /CSRF/);
  });
});
