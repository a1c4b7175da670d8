import { CanActivate, ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Actor, Role } from '../../src/shared/domain/actor';

/**
 * Stand-in for the identity module's guard until it is merged: attaches the actor named by the
 * `x-test-user-id` and `x-test-role` headers. Tests only; replaced by real sessions afterwards.
 */
@Injectable()
class FakeActorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      actor?: Actor;
    }>();
    const userId = Number(request.headers['x-test-user-id'] ?? 0);
    request.actor = {
      userId,
      email: `user${userId}@test.example`,
      firstName: 'Test',
      role: (request.headers['x-test-role'] ?? 'client') as Role,
      organizationId: null,
      authenticatedBy: 'session',
      apiKeyId: null,
      permissions: ['read', 'book'],
    };
    return true;
  }
}

@Module({ providers: [{ provide: APP_GUARD, useClass: FakeActorGuard }] })
export class FakeActorModule {}

export const actingAs = (userId: number, role: Role): Record<string, string> => ({
  'x-test-user-id': String(userId),
  'x-test-role': role,
});
