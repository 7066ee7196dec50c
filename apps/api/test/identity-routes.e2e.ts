import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { roles, type Role } from '@habeas/contracts';
import { ACCESS_KEY, type AccessRule } from '../src/common/auth/access.decorators';
import { roleCan } from '@habeas/contracts';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

interface RouteInfo {
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-00000000abcd';

/** Every route of the live app, read from Nest's own controller metadata (the route table). */
function routeTable(t: TestApp): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const fn = prototype[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, fn);
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const rule = (Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, controller)) as AccessRule | undefined;
        const full = ['/api', base, String(path)].join('/').replace(/\/+/g, '/').replace(/\/$/, '').replace(/:\w+/g, PLACEHOLDER_ID);
        routes.push({ method: RequestMethod[method], path: full, handler: `${controller.name}.${name}`, rule });
      }
    }
  }
  return routes;
}

/** Status only; the body is dropped at once so streaming routes cannot hang the test. */
async function statusOf(client: HttpClient | null, baseUrl: string, route: RouteInfo): Promise<number> {
  const headers: Record<string, string> = {};
  if (client) {
    headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (client.csrf) headers['x-csrf-token'] = client.csrf;
  }
  const withBody = !['GET', 'HEAD', 'DELETE'].includes(route.method);
  if (withBody) headers['content-type'] = 'application/json';
  const abort = new AbortController();
  const response = await fetch(baseUrl + route.path, {
    method: route.method,
    headers,
    body: withBody ? '{}' : undefined,
    signal: abort.signal,
    redirect: 'manual',
  });
  abort.abort();
  return response.status;
}

/** Routes that end the caller's own session: checked for 401 only, never called signed in. */
const endsOwnSession = new Set(['AuthController.logout']);

describe('identity: the role × route matrix', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const clients = new Map<Role, HttpClient>();
  const emails: Record<Role, string> = {
    admin: 'admin@demo.local',
    lawyer: 'lawyer@demo.local',
    medical: 'medic@demo.local',
    finance: 'finance@demo.local',
  };

  before(async () => {
    t = await startTestApp();
    routes = routeTable(t);
    for (const role of roles) clients.set(role, await t.signIn(emails[role]));
  });
  after(() => t.close());

  it('finds the routes of every area in the route table', () => {
    const handlers = new Set(routes.map((r) => r.handler));
    for (const expected of ['AuthController.login', 'UsersController.list', 'AuditController.list', 'CasesController.list']) {
      assert.ok(
        [...handlers].some((h) => h === expected || h.startsWith(expected.split('.')[0])),
        `route table lacks ${expected}`,
      );
    }
    assert.ok(routes.length >= 15, `only ${routes.length} routes found`);
  });

  it('every route declares who may call it (@Public, @SignedIn or @Can)', () => {
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`);
    assert.deepEqual(undeclared, []);
  });

  it('anonymous callers get 401 on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.rule && r.rule.kind !== 'public')) {
      const status = await statusOf(null, t.baseUrl, route);
      if (status !== 401) wrong.push(`${route.method} ${route.path} → ${status}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('public GET routes answer anonymous callers without 401 or 403', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.rule?.kind === 'public' && r.method === 'GET')) {
      const status = await statusOf(null, t.baseUrl, route);
      if (status === 401 || status === 403) wrong.push(`${route.method} ${route.path} → ${status}`);
    }
    assert.deepEqual(wrong, []);
  });

  for (const role of roles) {
    it(`${role}: 403 exactly on the routes the policy denies to the role`, async () => {
      const client = clients.get(role)!;
      const wrong: string[] = [];
      for (const route of routes) {
        if (!route.rule || route.rule.kind === 'public' || endsOwnSession.has(route.handler)) continue;
        const allowed = route.rule.kind === 'signed-in' || roleCan(role, route.rule.capability);
        // Allowed state changes are not fired at placeholder ids (no side effects); reads are all checked.
        if (allowed && route.method !== 'GET') continue;
        const status = await statusOf(client, t.baseUrl, route);
        if (allowed ? status === 403 || status === 401 : status !== 403) {
          wrong.push(`${route.method} ${route.path} (${route.rule.kind === 'capability' ? route.rule.capability : 'signed-in'}) → ${status}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.equal((await client.get('/api/auth/me')).status, 200, 'the session survived the sweep');
    });
  }
});
