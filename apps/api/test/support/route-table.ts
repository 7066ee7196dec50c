import { outsideApi } from '../../src/bootstrap';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface LiveRoute {
  /** `GET /api/cases/:id/hearings`, parameters as the controller names them. */
  key: string;
  handler: string;
}

/**
 * Every route the running app serves, read from Nest's controller metadata. Only the list of routes is
 * taken from the app; who may call each one is never read from it (the access matrix states that by hand).
 */
export function liveRoutes(app: NestFastifyApplication): LiveRoute[] {
  const routes: LiveRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
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
        const local = [base, String(path)]
          .join('/')
          .replace(/\/+/g, '/')
          .replace(/^\/|\/$/g, '');
        const prefix = outsideApi.some((route) => route.path === local && route.method === method) ? '' : '/api';
        const full = `${prefix}/${local}`;
        routes.push({ key: `${RequestMethod[method]} ${full}`, handler: `${controller.name}.${name}` });
      }
    }
  }
  return routes;
}
