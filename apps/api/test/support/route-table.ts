import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS_KEY, type AccessRule } from '../../src/common/auth/access.decorators';

export interface RouteInfo {
  method: string;
  /** e.g. /api/cases/:id/timeline */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

function join(...parts: string[]): string {
  return (
    '/' +
    parts
      .map((p) => p.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  ).replace(/\/+/g, '/');
}

/** Every route the app serves, read from the live controllers with its declared access rule. */
export function routeTable(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classRule = Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        if (name === 'constructor') continue;
        const handler = controller.prototype[name as keyof typeof controller.prototype] as unknown;
        if (typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        routes.push({
          method: RequestMethod[method],
          path: join('api', base, path),
          handler: `${controller.name}.${name}`,
          rule: (Reflect.getMetadata(ACCESS_KEY, handler) as AccessRule | undefined) ?? classRule,
        });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route: every `:param` becomes a well-formed id that exists nowhere. */
export function concretePath(path: string, id = '00000000-0000-4000-8000-000000000000'): string {
  return path.replace(/:[A-Za-z]+(\.[a-z]+)?/g, (_m, ext: string | undefined) => id + (ext ?? ''));
}
