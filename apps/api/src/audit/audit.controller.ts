import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditActions, auditChainVerification, auditPage, auditQuery } from '@habeas/contracts';
import type { AuditQuery } from '@habeas/contracts';
import { Can } from '../common/auth/access.decorators';
import { Returns, ZodQuery } from '../common/http/zod-validation';
import { AuditChainService } from './audit-chain.service';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(
    private readonly auditLog: AuditQueryService,
    private readonly chain: AuditChainService,
  ) {}

  @Get()
  @Can('audit:read')
  @Returns(auditPage)
  list(@ZodQuery(auditQuery) query: AuditQuery) {
    return this.auditLog.list(query);
  }

  /** The actions the log holds, for the filter. */
  @Get('actions')
  @Can('audit:read')
  @Returns(auditActions)
  actions() {
    return this.auditLog.actions();
  }

  /** Walks the hash chain: `{ok, entries, head}`, or where it breaks. */
  @Get('verify')
  @Can('audit:read')
  @Returns(auditChainVerification)
  verify() {
    return this.chain.verify();
  }
}
