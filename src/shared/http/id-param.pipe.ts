import { ApiParam } from '@nestjs/swagger';
import { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error';

const MAX_INTEGER_ID = 2_147_483_647;

/** Path ids are positive integers; anything else is a 422 naming the parameter. Use with `new`. */
export class IdParamPipe implements PipeTransform<string, number> {
  constructor(private readonly field = 'id') {}

  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
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
