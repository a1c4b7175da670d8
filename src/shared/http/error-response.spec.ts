import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from '../domain/domain-error';
import { toErrorResponse } from './error-response';
import { RequestValidationError } from './request-validation.error';

describe('toErrorResponse', () => {
  it.each([
    [DomainError.notFound('Booking not found'), 404],
    [DomainError.conflict('Cannot accept a paid booking'), 409],
    [DomainError.forbidden('Enterprise subscription required'), 403],
    [DomainError.unauthorized('Invalid API key'), 401],
    [new DomainError('rate_limited', 'Rate limit exceeded'), 429],
  ])('maps %p to %i with its message', (error, status) => {
    expect(toErrorResponse(error)).toMatchObject({ status, body: { error: error.message } });
  });

  it('renders field errors as 422 with errors[]', () => {
    const errors = [{ field: 'event_date', message: 'Invalid event date' }];
    expect(toErrorResponse(new RequestValidationError(errors)).body).toEqual({
      error: 'Validation failed',
      errors,
    });
    expect(toErrorResponse(DomainError.invalidFields(errors))).toMatchObject({
      status: 422,
      body: { error: 'Validation failed', errors },
    });
  });

  it('keeps Nest HTTP exceptions to a single error string', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x')).body).toEqual({
      error: 'Cannot GET /x',
    });
    expect(toErrorResponse(new BadRequestException(['a', 'b'])).body).toEqual({
      error: 'Bad request',
    });
  });

  it('keeps an unsupported media type as 415 and a body too large as 413', () => {
    expect(toErrorResponse(new HttpException('Unsupported Media Type', 415))).toMatchObject({
      status: 415,
      body: { error: 'Unsupported Content-Type: send application/json' },
    });
    expect(toErrorResponse(new HttpException('Payload Too Large', 413))).toMatchObject({
      status: 413,
      body: { error: 'Request body is larger than 1 MiB' },
    });
  });

  it('never leaks unknown errors', () => {
    expect(toErrorResponse(new Error('password=hunter2'))).toEqual({
      status: 500,
      body: { error: 'Internal server error' },
      headers: {},
    });
  });
});
