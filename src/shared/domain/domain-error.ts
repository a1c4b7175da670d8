export type DomainErrorKind =
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'forbidden'
  | 'unauthorized'
  | 'rate_limited';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * What use cases throw when a rule refuses a request. The `kind` decides the HTTP status (or the
 * socket acknowledgement); the message is shown to the caller as is, so it never carries internals.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** For `rate_limited`: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static rateLimited(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError('rate_limited', message, [], Math.max(1, Math.ceil(retryAfterSeconds)));
  }

  /** A request that cannot be read as sent (a body whose signature does not verify). */
  static badRequest(message: string): DomainError {
    return new DomainError('bad_request', message);
  }

  static notFound(message: string): DomainError {
    return new DomainError('not_found', message);
  }

  static conflict(message: string): DomainError {
    return new DomainError('conflict', message);
  }

  static forbidden(message: string): DomainError {
    return new DomainError('forbidden', message);
  }

  static unauthorized(message: string): DomainError {
    return new DomainError('unauthorized', message);
  }

  static invalidFields(fieldErrors: readonly FieldError[]): DomainError {
    return new DomainError('validation', 'Validation failed', fieldErrors);
  }

  static invalidField(field: string, message: string): DomainError {
    return DomainError.invalidFields([{ field, message }]);
  }
}
