import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../shared/auth/auth.decorator';
import { SkipRateLimit } from '../shared/rate-limit/rate-limit.decorator';

@ApiTags('health')
@Controller('health')
@Public()
@SkipRateLimit()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ description: 'The process is alive.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The database answers and every migration is applied.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready to serve traffic.' })
  async ready(): Promise<{ status: 'ok'; database: 'up'; migrations: 'applied' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException('Database unreachable');
    }
    if (await this.dataSource.showMigrations()) {
      throw new ServiceUnavailableException('Migrations pending');
    }
    return { status: 'ok', database: 'up', migrations: 'applied' };
  }
}
