import { Module } from '@nestjs/common';
import { SharedDatabaseModule } from '../database/shared-database.module';
import { AuditTrail } from '../domain/audit-trail';
import { AuditLogReader } from './audit-log.reader';
import { PostgresAuditTrail } from './postgres-audit-trail';

/**
 * The operators' audit log for every module: AuditTrail writes an entry in the action's own
 * transaction; AuditLogReader lists them. The kernel owns the table because every module with
 * an admin action writes to it.
 */
@Module({
  imports: [SharedDatabaseModule],
  providers: [{ provide: AuditTrail, useClass: PostgresAuditTrail }, AuditLogReader],
  exports: [AuditTrail, AuditLogReader],
})
export class AuditModule {}
