import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrorResponses } from '../http/api-error-responses.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** The route honours `Idempotency-Key` (CONTRACT §4.5). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Up to 255 characters; a retry with the same key and body replays the result',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ApiErrorResponses({ 409: 'A request with this Idempotency-Key is still in progress' }),
  );
}
