import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { Permission, Role } from '../domain/actor';

export const AUTH_REQUIREMENT = 'eventstuffer:auth-requirement';
export const PUBLIC_ROUTE = 'eventstuffer:public-route';

export interface AuthRequirement {
  /** Scope an API key must hold (admin-owned keys hold every scope). Sessions are not scoped. */
  permission?: Permission;
  /** Roles allowed; any role when omitted. */
  roles?: Role[];
  /** Refuse API keys: the route is for the web UI's session only. */
  sessionOnly?: boolean;
}

/**
 * The one way to guard a route: a session cookie or an API key, plus the requirement. Every
 * route needs either this or @Public() — the global guard refuses anything else. Its 401, 403
 * and 429 answers are documented from this requirement (shared/http/openapi-kernel-responses).
 */
export function Auth(requirement: AuthRequirement = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, requirement),
    ApiCookieAuth('session'),
    ...(requirement.sessionOnly ? [] : [ApiBearerAuth('api-key')]),
  );
}

/** Explicitly open to anonymous callers (still rate-limited per IP). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_ROUTE, true);
}
