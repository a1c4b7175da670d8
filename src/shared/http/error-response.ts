import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind, FieldError } from '../domain/domain-error';
import { RequestValidationError } from './request-validation.error';

export interface ErrorResponse {
  status: number;
  body: { error: string; errors?: readonly FieldError[] };
  headers: Record<string, string>;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  bad_request: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  validation: HttpStatus.UNPROCESSABLE_ENTITY,
  forbidden: HttpStatus.FORBIDDEN,
  unauthorized: HttpStatus.UNAUTHORIZED,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body is larger than 1 MiB',
  415: 'Unsupported Content-Type: send application/json',
  422: 'Validation failed',
  429: 'Rate limit exceeded',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const INTERNAL_ERROR: ErrorResponse = {
  status: 500,
  body: { error: DEFAULT_MESSAGES[500] },
  headers: {},
};

/** Maps anything thrown while serving a request to the contract's error body (CONTRACT §1.2). */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof RequestValidationError) {
    return respond(422, 'Validation failed', exception.fieldErrors);
  }
  if (exception instanceof DomainError) {
    const status = STATUS_BY_KIND[exception.kind];
    const fields = exception.fieldErrors.length > 0 ? exception.fieldErrors : undefined;
    const response = respond(status, exception.message, fields);
    if (exception.retryAfterSeconds !== undefined) {
      response.headers['Retry-After'] = String(exception.retryAfterSeconds);
    }
    return response;
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return INTERNAL_ERROR;
}

function respond(status: number, error: string, errors?: readonly FieldError[]): ErrorResponse {
  return { status, body: errors ? { error, errors } : { error }, headers: {} };
}

/** Nest wraps Fastify's body-parser errors (400, 413, 415) in HttpExceptions too. */
function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  if (status >= 500) return { ...INTERNAL_ERROR, status };
  if (status === 413 || status === 415) return respond(status, DEFAULT_MESSAGES[status]);
  const response = exception.getResponse();
  const message =
    typeof response === 'string'
      ? response
      : typeof (response as { message?: unknown }).message === 'string'
        ? (response as { message: string }).message
        : undefined;
  return respond(status, message ?? DEFAULT_MESSAGES[status] ?? 'Request failed');
}
