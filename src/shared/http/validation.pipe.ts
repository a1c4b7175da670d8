import { ArgumentMetadata, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { FieldError } from '../domain/domain-error';
import { CONTROL_CHARACTER_MESSAGE, fieldsWithControlCharacters } from './control-characters';
import { RequestValidationError } from './request-validation.error';
import { memoizeValidationMetadata } from './validation-metadata-memo';

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

  constructor() {
    memoizeValidationMetadata();
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    refuseControlCharacters(value, metadata);
    if (metadata.type === 'body') return this.strict.transform(value, metadata);
    if (isPrimitive(metadata.metatype)) return value;
    if (metadata.type === 'query' || metadata.type === 'param') {
      return this.lenient.transform(value, metadata);
    }
    return value;
  }
}

/**
 * A single path or query value (`@Param('id')`) reaches its own pipe as the text that was sent:
 * ValidationPipe would turn `0x10` or `1e3` into a number first.
 */
function isPrimitive(metatype: ArgumentMetadata['metatype']): boolean {
  return metatype === String || metatype === Number || metatype === Boolean;
}

/** One rule for every body, query string and path parameter, before anything else reads them. */
function refuseControlCharacters(value: unknown, metadata: ArgumentMetadata): void {
  const fields = fieldsWithControlCharacters(value, metadata.data ?? metadata.type);
  if (fields.length > 0) {
    throw new RequestValidationError(
      fields.map((field) => ({ field, message: CONTROL_CHARACTER_MESSAGE })),
    );
  }
}
