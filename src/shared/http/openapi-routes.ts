import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { AUTH_REQUIREMENT, AuthRequirement, PUBLIC_ROUTE } from '../auth/auth.decorator';
import { SKIP_RATE_LIMIT } from '../rate-limit/rate-limit.decorator';
import { DECLARED_ERRORS, DeclaredErrors } from './api-error-responses.decorator';

/** What the kernel does around one route, read from its decorators (see openapi-kernel-responses). */
export interface RouteFacts {
  operationId: string;
  method: string;
  auth: AuthRequirement | undefined;
  rateLimited: boolean;
  /** Body, query or path DTO classes the validation pipe checks. */
  inputClasses: Type[];
  /**
   * True when the route takes a body, query or path parameter: each is validated (at least for
   * control characters), so a 422 is possible.
   */
  validatesInput: boolean;
  /** Route-specific errors declared with @ApiErrorResponses, class-level first. */
  errors: DeclaredErrors[];
}

interface RouteArgument {
  index: number;
  pipes?: unknown[];
}

const VALIDATED_ARGUMENTS = new Set<number>([
  RouteParamtypes.BODY,
  RouteParamtypes.QUERY,
  RouteParamtypes.PARAM,
]);
const UNVALIDATED_TYPES = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/** The one naming rule of operation ids: `BookingsController.create` → `bookingsCreate`. */
export function operationIdOf(controllerName: string, methodName: string): string {
  const area = controllerName.replace(/Controller$/, '');
  return `${area.charAt(0).toLowerCase()}${area.slice(1)}${methodName.charAt(0).toUpperCase()}${methodName.slice(1)}`;
}

/** Every HTTP route of the application with the facts its documentation follows from. */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const routes = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const facts = factsOf(controller, name);
        if (facts) routes.set(facts.operationId, facts);
      }
    }
  }
  return routes;
}

function factsOf(controller: Type, name: string): RouteFacts | undefined {
  const handler: unknown = controller.prototype[name];
  if (name === 'constructor' || typeof handler !== 'function') return undefined;
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  if (method === undefined) return undefined;
  const read = <T>(key: string): T | undefined =>
    Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
  const isPublic = read<boolean>(PUBLIC_ROUTE) === true;
  const inputs = validatedInputs(controller, name);
  return {
    operationId: operationIdOf(controller.name, name),
    method: RequestMethod[method].toLowerCase(),
    auth: isPublic ? undefined : read<AuthRequirement>(AUTH_REQUIREMENT),
    rateLimited: read<boolean>(SKIP_RATE_LIMIT) !== true,
    inputClasses: inputs.classes,
    validatesInput: inputs.classes.length > 0 || inputs.piped,
    errors: [
      ...((Reflect.getMetadata(DECLARED_ERRORS, controller) as DeclaredErrors[] | undefined) ?? []),
      ...((Reflect.getMetadata(DECLARED_ERRORS, handler) as DeclaredErrors[] | undefined) ?? []),
    ],
  };
}

function validatedInputs(controller: Type, name: string): { classes: Type[]; piped: boolean } {
  const argumentsByKey =
    (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) as
      Record<string, RouteArgument> | undefined) ?? {};
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, name) ??
    []) as unknown[];
  const classes: Type[] = [];
  let piped = false;
  for (const [key, argument] of Object.entries(argumentsByKey)) {
    if (!VALIDATED_ARGUMENTS.has(Number(key.split(':')[0]))) continue;
    // The validation pipe checks every body, query and path value for control characters.
    piped = true;
    const type = types[argument.index];
    if (!UNVALIDATED_TYPES.has(type) && typeof type === 'function') classes.push(type as Type);
  }
  return { classes, piped };
}
