import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditChainRepository } from './audit-chain.repository';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditLogRepository } from './audit-log.repository';
import { AuditChainService } from './audit-chain.service';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

/** Global: every area records into the audit log through AuditService. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  controllers: [AuditController],
  providers: [AuditService, AuditEntriesRepository, AuditQueryService, AuditLogRepository, AuditChainRepository, AuditChainService],
  exports: [AuditService, AuditQueryService, AuditChainService],
})
export class AuditModule {}
