import { OpenAPIObject } from '@nestjs/swagger';
import { describeKernelResponses } from './openapi-kernel-responses';
import { RouteFacts } from './openapi-routes';

const route = (facts: Partial<RouteFacts> & Pick<RouteFacts, 'operationId' | 'method'>) => ({
  auth: undefined,
  rateLimited: true,
  inputClasses: [],
  validatesInput: false,
  errors: [],
  ...facts,
});

function documentOf(...routes: RouteFacts[]): OpenAPIObject {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {} as OpenAPIObject['paths'],
  } as OpenAPIObject;
  for (const facts of routes) {
    document.paths[`/${facts.operationId}`] = {
      [facts.method]: {
        operationId: facts.operationId,
        responses: { '200': { description: '', content: { 'application/json': {} } } },
      },
    };
  }
  describeKernelResponses(document, new Map(routes.map((facts) => [facts.operationId, facts])));
  return document;
}

describe('the kernel responses of an operation', () => {
  it('follow from its auth, rate limit, method and inputs', () => {
    const document = documentOf(
      route({ operationId: 'read', method: 'get', auth: { permission: 'read' } }),
      route({ operationId: 'probe', method: 'get', rateLimited: false }),
      route({ operationId: 'write', method: 'post', validatesInput: true }),
    );
    const read = document.paths['/read'].get!;
    expect(Object.keys(read.responses)).toEqual(['200', '401', '403', '429', '500']);
    expect(read.security).toBeUndefined();
    expect(read.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(Object.keys(document.paths['/probe'].get!.responses)).toEqual(['200', '500']);
    expect(document.paths['/probe'].get!.security).toEqual([]);
    expect(Object.keys(document.paths['/write'].post!.responses)).toEqual([
      '200',
      '400',
      '413',
      '415',
      '422',
      '429',
      '500',
    ]);
    expect(document.components?.responses?.ValidationFailed).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ValidationError' } } },
    });
  });

  it("merge a route's declared errors, with their messages as examples", () => {
    const document = documentOf(
      route({
        operationId: 'accept',
        method: 'post',
        auth: {},
        errors: [{ 404: 'Booking not found' }, { 403: 'Not yours', 409: ['Taken', 'In flight'] }],
      }),
    );
    const responses = document.paths['/accept'].post!.responses as Record<string, never>;
    expect(responses['404']).toMatchObject({
      description: '"Booking not found"',
      content: { 'application/json': { example: { error: 'Booking not found' } } },
    });
    expect(responses['403']).toMatchObject({
      description: expect.stringContaining('Authenticated but not allowed'),
      content: { 'application/json': { example: { error: 'Not yours' } } },
    });
    expect(Object.values(responses['409']['content']['application/json']['examples'])).toEqual([
      { summary: 'Taken', value: { error: 'Taken' } },
      { summary: 'In flight', value: { error: 'In flight' } },
    ]);
  });

  it('give a success without description its status name', () => {
    const document = documentOf(route({ operationId: 'live', method: 'get' }));
    expect(document.paths['/live'].get!.responses['200']).toMatchObject({ description: 'OK' });
  });
});
