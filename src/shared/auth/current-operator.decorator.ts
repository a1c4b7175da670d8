import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '../domain/actor';
import { Operator } from '../domain/audit-trail';

/** The administrator calling an admin route, with the request id their audit entries carry. */
export const CurrentOperator = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Operator => {
    const request = context.switchToHttp().getRequest<{ actor?: Actor; id?: string }>();
    if (!request.actor) throw new Error('CurrentOperator used on a route without @Auth()');
    return { userId: request.actor.userId, requestId: request.id ?? null };
  },
);
