import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT, PUBLIC_ROUTE } from '../../src/shared/auth/auth.decorator';
import { TestApp } from './test-app';

export interface Route {
  key: string;
  method: string;
  path: string;
  isPublic: boolean;
  guarded: boolean;
}

/** Every route the running application serves, read from its controllers' metadata. */
export function routeTable(testApp: TestApp): Route[] {
  const reflector = testApp.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of testApp.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | undefined;
      if (!controller?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const methodValue = Reflect.getMetadata(METHOD_METADATA, handler) as
          RequestMethod | undefined;
        if (methodValue === undefined) continue;
        const subPath = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = `/${[base, subPath].filter((part) => part && part !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
        const method = RequestMethod[methodValue];
        const targets = [handler, controller as unknown as () => void];
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          isPublic: reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
          guarded: reflector.getAllAndOverride(AUTH_REQUIREMENT, targets) !== undefined,
        });
      }
    }
  }
  return routes;
}

/** A route's path with every parameter filled in. */
export function concretePath(route: Route, value = '1'): string {
  return route.path.replace(/:[a-zA-Z_]+/g, value);
}
