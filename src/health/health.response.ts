import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';

  @ApiProperty({ enum: ['up'] })
  database!: 'up';

  @ApiProperty({ enum: ['applied'] })
  migrations!: 'applied';
}

export const LIVE: LivenessResponse = { status: 'ok' };
export const READY: ReadinessResponse = { status: 'ok', database: 'up', migrations: 'applied' };
