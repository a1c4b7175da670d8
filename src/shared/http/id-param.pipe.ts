import { ApiParam } from '@nestjs/swagger';
import { PipeTransform } from '@nestjs/common';
import { MAX_INTEGER_ID } from '../parsing/numeric-text';
import { RequestValidationError } from './request-validation.error';

/**
 * Path ids are positive integers in canonical decimal form (no `0x10`, `007` or `1e3`); anything
 * else is a 422 naming the parameter. Use with `new`.
 */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_INTEGER_ID) {
      throw new RequestValidationError([
        { field: this.field, message: 'Must be a positive integer id' },
      ]);
    }
    return id;
  }
}

/** Documents a path id checked by IdParamPipe. */
export function ApiIdParam(name = 'id'): MethodDecorator {
  return ApiParam({
    name,
    schema: { type: 'integer', minimum: 1, maximum: MAX_INTEGER_ID },
    example: 42,
  });
}
