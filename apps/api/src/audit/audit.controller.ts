import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditPage, auditQuery } from '@habeas/contracts';
import type { AuditQuery } from '@habeas/contracts';
import { Can } from '../common/auth/access.decorators';
import { Returns, ZodQuery } from '../common/http/zod-validation';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly auditLog: AuditQueryService) {}

  @Get()
  @Can('audit:read')
  @Returns(auditPage)
  list(@ZodQuery(auditQuery) query: AuditQuery) {
    return this.auditLog.list(query);
  }
}
