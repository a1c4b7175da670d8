import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../src/shared/auth/auth.decorator';
import { DomainError } from '../../src/shared/domain/domain-error';
import { takeContractViolations } from '../support/openapi-contract';
import { startTestApp, TestApp } from '../support/test-app';

class DriftBody {
  @ApiProperty({ type: 'integer' })
  count!: number;
}

/** Routes whose answers drift from their documentation, the way a real bug would. */
@ApiTags('probe')
@Controller('__drift')
@Public()
class DriftController {
  @Get('matching')
  @ApiOkResponse({ type: DriftBody })
  matching() {
    return { count: 3 };
  }

  @Get('wrong-type')
  @ApiOkResponse({ type: DriftBody })
  wrongType() {
    return { count: 'three' };
  }

  @Get('extra-field')
  @ApiOkResponse({ type: DriftBody })
  extraField() {
    return { count: 3, internal_note: 'not for clients' };
  }

  @Get('undocumented-status')
  @ApiOkResponse({ type: DriftBody })
  undocumentedStatus(): never {
    throw DomainError.conflict('Nobody documented this');
  }
}

@Module({ controllers: [DriftController] })
class DriftModule {}

describe('OpenAPI contract check (every response of a test app)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraModules: [DriftModule] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (url: string) => testApp.app.inject({ method: 'GET', url });

  it('lets a documented status with a matching body through', async () => {
    expect((await get('/__drift/matching')).statusCode).toBe(200);
    expect(takeContractViolations()).toEqual([]);
  });

  it('reports a body that does not match, naming the operation, status and schema path', async () => {
    const response = await get('/__drift/wrong-type');
    expect(response.json()).toEqual({ count: 'three' });
    const [violation, ...others] = takeContractViolations();
    expect(others).toEqual([]);
    expect(violation).toContain('GET /__drift/wrong-type (driftWrongType) answered 200');
    expect(violation).toContain(
      '#/paths/~1__drift~1wrong-type/get/responses/200/content/application~1json/schema',
    );
    expect(violation).toContain('/count must be integer');
    expect(violation).toContain('#/components/schemas/DriftBody/properties/count/type');
  });

  it('reports a field the document does not list', async () => {
    await get('/__drift/extra-field');
    expect(takeContractViolations()).toEqual([
      expect.stringContaining('has the undocumented field "internal_note"'),
    ]);
  });

  it('reports a status the operation does not document', async () => {
    expect((await get('/__drift/undocumented-status')).statusCode).toBe(409);
    expect(takeContractViolations()).toEqual([
      expect.stringContaining(
        'GET /__drift/undocumented-status (driftUndocumentedStatus) answered 409, which the operation does not document (documented: 200, 429, 500)',
      ),
    ]);
  });

  it('checks responses sent through a real listening port too', async () => {
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await testApp.app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${url}/__drift/wrong-type`);
    expect(response.status).toBe(200);
    expect(takeContractViolations()).toEqual([
      expect.stringContaining('GET /__drift/wrong-type (driftWrongType) answered 200'),
    ]);
  });

  it('checks unknown routes against the error body', async () => {
    expect((await get('/no/such/route')).statusCode).toBe(404);
    expect(takeContractViolations()).toEqual([]);
  });
});

describe('the published OpenAPI document', () => {
  it('is the one the application serves, as committed in clients/openapi.json', async () => {
    const testApp = await startTestApp();
    try {
      const served = (await testApp.app.inject({ method: 'GET', url: '/api/docs-json' })).json();
      const committed = JSON.parse(
        readFileSync(join(__dirname, '../../clients/openapi.json'), 'utf8'),
      );
      expect(served).toEqual(committed);
      expect(served.openapi).toBe('3.1.0');
    } finally {
      await testApp.close();
    }
  });
});
