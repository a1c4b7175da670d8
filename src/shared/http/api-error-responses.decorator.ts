/** Route-specific error answers: status → the `error` messages the route really sends. */
export type DeclaredErrors = Partial<Record<number, string | readonly string[]>>;

export const DECLARED_ERRORS = 'eventstuffer:openapi-declared-errors';

/**
 * Documents the errors a route (or every route of a controller) answers beyond the kernel's
 * common ones (CONTRACT §1.2): typically 404 and 409, with the messages the use cases throw, e.g.
 * `@ApiErrorResponses({ 404: 'Booking not found', 409: 'Cannot accept a cancelled booking' })`.
 * Several decorators add up; the kernel statuses (400, 401, 403, 413, 422, 429, 500) are
 * documented automatically from the route's @Auth/@Public, its inputs and its method.
 */
export function ApiErrorResponses(errors: DeclaredErrors): MethodDecorator & ClassDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder: object = descriptor?.value ?? target;
    const declared = (Reflect.getOwnMetadata(DECLARED_ERRORS, holder) as DeclaredErrors[]) ?? [];
    Reflect.defineMetadata(DECLARED_ERRORS, [...declared, errors], holder);
  }) as MethodDecorator & ClassDecorator;
}
