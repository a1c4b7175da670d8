import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../shared/auth/auth.decorator';
import { ApiErrorResponses } from '../shared/http/api-error-responses.decorator';
import { SkipRateLimit } from '../shared/rate-limit/rate-limit.decorator';
import { LIVE, LivenessResponse, READY, ReadinessResponse } from './health.response';
import { ShutdownState } from './shutdown-state';

@ApiTags('health')
@Controller('health')
@Public()
@SkipRateLimit()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessResponse, example: LIVE })
  live(): LivenessResponse {
    return LIVE;
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Readiness: the database answers, every migration is applied and the process is not shutting down',
  })
  @ApiOkResponse({ type: ReadinessResponse, example: READY })
  // Server errors carry no internals (CONTRACT §1.2), whatever the cause.
  @ApiErrorResponses({ 503: 'Internal server error' })
  async ready(): Promise<ReadinessResponse> {
    if (this.shutdown.draining) throw new ServiceUnavailableException('Shutting down');
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('Database unreachable');
    }
    if (await this.dataSource.showMigrations()) {
      throw new ServiceUnavailableException('Migrations pending');
    }
    return READY;
  }
}
