import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions, DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];
type Constraints = Record<string, unknown>;

/** class-validator rule → the JSON Schema keywords that say the same (for one value). */
const KEYWORDS: Record<string, (constraints: unknown[]) => Constraints> = {
  isLength: ([min, max]) => ({ minLength: min, maxLength: max }),
  minLength: ([min]) => ({ minLength: min }),
  maxLength: ([max]) => ({ maxLength: max }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : pattern }),
  isIn: ([values]) => ({ enum: values }),
  isEmail: () => ({ format: 'email' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isBoolean: () => ({ type: 'boolean' }),
  isString: () => ({ type: 'string' }),
  isIso8601: () => ({ format: 'date-time' }),
  isDateString: () => ({ format: 'date-time' }),
  isUuid: () => ({ format: 'uuid' }),
  isUrl: () => ({ format: 'uri' }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
};

/**
 * Request DTOs state their rules once, with class-validator; this copies those rules into the
 * OpenAPI metadata of the same properties (lengths, ranges, patterns, formats, enums, optional),
 * so that the document cannot drift from what the validation pipe enforces. What an @ApiProperty
 * states explicitly wins, except that the validated type (`@IsInt()`, `@IsString()`...) replaces
 * an integer's `number` and a nullable property's `object`.
 */
export function documentValidationConstraints(classes: Iterable<Type>): void {
  for (const target of new Set(classes)) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules) {
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
    for (const [property, propertyRules] of byProperty) {
      documentProperty(target, property, propertyRules);
    }
  }
}

function documentProperty(target: Type, property: string, rules: ValidationMetadata[]): void {
  const own: Constraints = {};
  const items: Constraints = {};
  for (const rule of rules) {
    if (rule.type === 'conditionalValidation') own.required = false;
    const keywords = KEYWORDS[rule.name ?? '']?.(rule.constraints ?? []);
    if (keywords) Object.assign(rule.each ? items : own, definedOnly(keywords));
  }
  const { type, enum: values, ...derived } = own;
  const isArray = rules.some((rule) => rule.name === 'isArray' || rule.each);
  if (isArray) {
    if (values) items.enum = values;
    if (Object.keys(items).length > 0) derived.items = items;
  } else if (values) {
    derived.enum = values;
  }
  const existing = (Reflect.getMetadata(
    DECORATORS.API_MODEL_PROPERTIES,
    target.prototype,
    property,
  ) ?? {}) as Constraints;
  // A nullable property's design type is Object; `@IsInt()` narrows a number.
  const typed =
    type &&
    !isArray &&
    (type === 'integer' || [Object, undefined].includes(existing.type as never));
  ApiProperty({ ...derived, ...existing, ...(typed ? { type } : {}) } as ApiPropertyOptions)(
    target.prototype,
    property,
  );
}

function definedOnly(values: Constraints): Constraints {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
