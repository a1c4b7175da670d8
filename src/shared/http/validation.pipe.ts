import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { FieldError } from '../domain/domain-error';
import { RequestValidationError } from './request-validation.error';

const UNKNOWN_FIELD_CONSTRAINT = 'whitelistValidation';

/** Flattens class-validator's tree into one entry per offending field, named as the client sent it. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = firstMessage(error);
    const nested = toFieldErrors(error.children ?? [], field);
    return own ? [{ field, message: own }, ...nested] : nested;
  });
}

function firstMessage(error: ValidationError): string | undefined {
  const constraints = error.constraints ?? {};
  if (UNKNOWN_FIELD_CONSTRAINT in constraints) return 'Unknown field';
  return Object.values(constraints)[0];
}

const exceptionFactory = (errors: ValidationError[]) =>
  new RequestValidationError(toFieldErrors(errors));

/**
 * Bodies reject unknown fields (CONTRACT §1.2: writes); query strings only drop them, so that a
 * cache-busting parameter does not break a read.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  private readonly strict = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory,
  });
  private readonly lenient = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: false,
    transform: true,
    exceptionFactory,
  });

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body') return this.strict.transform(value, metadata);
    if (metadata.type === 'query' || metadata.type === 'param') {
      return this.lenient.transform(value, metadata);
    }
    return value;
  }
}
