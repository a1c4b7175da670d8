import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { EventEmitter } from 'node:events';
import { DataSource } from 'typeorm';
import { Public } from '../../src/shared/auth/auth.decorator';
import { DomainError } from '../../src/shared/domain/domain-error';
import { ApiErrorResponses } from '../../src/shared/http/api-error-responses.decorator';

class ProbeRequest {
  @IsString()
  @Length(1, 10)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  count!: number;
}

class ProbeDone {
  @ApiProperty({ enum: [true] })
  done!: true;
}

/** Emits `slow-started` when `/__probe/slow` begins: a test knows its request is in flight. */
export const probeEvents = new EventEmitter();

/** Routes that exercise the HTTP kernel (errors, validation, shutdown) in tests only. */
@ApiTags('probe')
@Controller('__probe')
@Public()
class ProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Post('echo')
  @ApiCreatedResponse({ type: ProbeRequest })
  echo(@Body() body: ProbeRequest): ProbeRequest {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('relation "secret_table" does not exist at /srv/app/db.ts:42');
  }

  @Get('conflict')
  @ApiErrorResponses({ 409: 'Companion is not available at that time' })
  conflict(): never {
    throw DomainError.conflict('Companion is not available at that time');
  }

  /** A query PostgreSQL refuses, with a value that must not reach the logs. */
  @Get('failing-query')
  async failingQuery(): Promise<never> {
    await this.dataSource.query('SELECT $1::integer', ['$argon2id$v=19$probe-secret-hash']);
    throw new Error('unreachable');
  }

  @Get('slow')
  @ApiOkResponse({ type: ProbeDone })
  async slow(): Promise<ProbeDone> {
    probeEvents.emit('slow-started');
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { done: true };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
