import { FieldError } from '../domain/domain-error';

/** Raised by the validation pipe; the error filter renders it as 422 with `errors[]`. */
export class RequestValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super('Validation failed');
    this.name = 'RequestValidationError';
  }
}
