import { CanActivate, ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Actor, Permission } from '../../src/shared/domain/actor';

/**
 * STAND-IN until the identity work (sessions, API keys, the global guard) is merged: attaches the
 * actor named by `x-test-user-id` (plus `x-test-api-key-id` and `x-test-permissions` to act as an
 * API key). Requests without the header pass through unauthenticated.
 */
@Injectable()
class TestActorGuard implements CanActivate {
  constructor(private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{
      headers: Record<string, string | undefined>;
      actor?: Actor;
    }>();
    const userId = request.headers['x-test-user-id'];
    if (!userId) return true;
    const [user] = await this.dataSource.query(
      'SELECT id, email, first_name, role, organization_id FROM users WHERE id = $1',
      [Number(userId)],
    );
    if (!user) return true;
    const apiKeyId = request.headers['x-test-api-key-id'];
    request.actor = {
      userId: user.id,
      email: user.email,
      firstName: user.first_name,
      role: user.role,
      organizationId: user.organization_id,
      authenticatedBy: apiKeyId ? 'api_key' : 'session',
      apiKeyId: apiKeyId ? Number(apiKeyId) : null,
      permissions: apiKeyId
        ? ((request.headers['x-test-permissions'] ?? 'read,book').split(',') as Permission[])
        : ['read', 'book'],
    };
    return true;
  }
}

@Module({ providers: [{ provide: APP_GUARD, useClass: TestActorGuard }] })
export class TestAuthModule {}
