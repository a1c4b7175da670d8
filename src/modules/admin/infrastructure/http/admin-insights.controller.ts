import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLogReader } from '../../../../shared/audit/audit-log.reader';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { GetOperatorStatsQuery } from '../../application/get-operator-stats.query';
import { OperatorSettings } from '../../domain/operator-stats';
import {
  AUDIT_LOG_EXAMPLE,
  AuditLogRequest,
  AuditLogResponse,
  toAuditEntryResponse,
} from './dto/audit-log.dto';
import { STATS_EXAMPLE, StatsRequest, StatsResponse, toStatsResponse } from './dto/stats.dto';

/** What operators read about the platform (CONTRACT §8): statistics and the audit log. */
@ApiTags('admin')
@Controller('api/admin')
@Auth({ roles: ['admin'] })
export class AdminInsightsController {
  constructor(
    private readonly stats: GetOperatorStatsQuery,
    private readonly auditLog: AuditLogReader,
    private readonly settings: OperatorSettings,
  ) {}

  @Get('stats')
  @ApiOperation({
    summary:
      'Users and staff now; bookings created in the range by status, gross booking value, refunds and fees',
  })
  @ApiOkResponse({ type: StatsResponse, example: STATS_EXAMPLE })
  async getStats(@Query() query: StatsRequest): Promise<StatsResponse> {
    return toStatsResponse(await this.stats.execute(query.from, query.to), this.settings.currency);
  }

  @Get('audit-log')
  @ApiOperation({
    summary: 'Every admin action, newest first, by operator, target, action or time',
  })
  @ApiOkResponse({ type: AuditLogResponse, example: AUDIT_LOG_EXAMPLE })
  async getAuditLog(@Query() query: AuditLogRequest): Promise<AuditLogResponse> {
    const { items, total } = await this.auditLog.list({
      actorId: query.actor_id,
      targetType: query.target_type,
      targetId: query.target_id,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      page: query.page,
      limit: query.limit,
    });
    return {
      entries: items.map(toAuditEntryResponse),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
