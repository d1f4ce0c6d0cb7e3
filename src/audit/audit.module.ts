import { Global, Module } from '@nestjs/common';
import { ReadConnection } from '../database/read-connection';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log';
import { AuditQueries } from './audit-queries';
import { BufferedAuditLog } from './buffered-audit-log';

/**
 * The audit log: written through the `AuditLog` token by anyone (global: sign-in, users, the HTTP hook in
 * src/bootstrap.ts), read by the administrator's search and the mediator's view of his case.
 */
@Global()
@Module({
  controllers: [AuditController],
  providers: [BufferedAuditLog, { provide: AuditLog, useExisting: BufferedAuditLog }, AuditQueries, ReadConnection],
  exports: [AuditLog, BufferedAuditLog],
})
export class AuditModule {}
