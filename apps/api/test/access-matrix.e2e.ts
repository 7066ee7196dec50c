import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '@habeas/contracts';
import { roleCan } from '../src/common/auth/policy';
import type { HttpClient } from './support/http-client';
import { concretePath, routeTable, type RouteInfo } from './support/route-table';
import { startTestApp, type TestApp } from './support/test-app';

const demoUserOf: Record<Role, string> = { admin: 'admin@demo.local', lawyer: 'lawyer@demo.local', medical: 'medic@demo.local', finance: 'finance@demo.local' };

describe('who may call which route (generated from the live route table)', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const clients = {} as Record<Role, HttpClient>;
  before(async () => {
    t = await startTestApp();
    routes = routeTable(t.app);
    for (const role of Object.keys(demoUserOf) as Role[]) clients[role] = await t.signIn(demoUserOf[role]);
  });
  after(() => t?.close());

  it('finds the routes and every one declares who may call it', () => {
    assert.ok(routes.length > 20, `only ${routes.length} routes found`);
    const undeclared = routes.filter((route) => !route.rule).map((route) => `${route.method} ${route.path} (${route.handler})`);
    assert.deepEqual(undeclared, []);
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.rule?.kind !== 'public')) {
      const response = await t.client().request(route.method, concretePath(route.path), route.method === 'GET' ? undefined : {});
      if (response.status !== 401) failures.push(`${route.method} ${route.path}: ${response.status}`);
    }
    assert.deepEqual(failures, []);
  });

  it('answers 403 exactly where the policy denies the role, and never where it allows it', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const rule = route.rule;
      if (!rule || rule.kind !== 'capability') continue;
      for (const role of Object.keys(demoUserOf) as Role[]) {
        const allowed = roleCan(role, rule.capability);
        // Allowed non-GET calls would change things; the guard decides before any handler runs, so GETs suffice for "allowed".
        if (allowed && route.method !== 'GET') continue;
        const response = await clients[role].request(route.method, concretePath(route.path), route.method === 'GET' ? undefined : {});
        if (allowed ? response.status === 403 : response.status !== 403) failures.push(`${role} ${route.method} ${route.path}: ${response.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
