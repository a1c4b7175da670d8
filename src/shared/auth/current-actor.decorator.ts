import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '../domain/actor';

/** The authenticated caller that the auth guard attached to the request. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
    if (!request.actor) throw new Error('CurrentActor used on a route without @Auth()');
    return request.actor;
  },
);
