import { Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  assignBankTransferRequest,
  bankDetails,
  bankDetailsRequest,
  bankStatementPage,
  bankTransferItem,
  bankTransferListQuery,
  bankTransferPage,
  pageQuery,
  statementImportResult,
  uuid,
} from '@habeas/contracts';
import type { AssignBankTransferRequest, BankTransferListQuery, PageQuery } from '@habeas/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CaseAccess } from '../cases/case-access.service';
import { Can, CurrentActor } from '../common/auth/access.decorators';
import type { Actor } from '../common/auth/actor';
import { Returns, ZodBody, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { BankDetailsService } from './bank-details.service';
import { BankStatementsService } from './bank-statements.service';
import { BankTransfersService } from './bank-transfers.service';
import { receiveStatement } from './statement-upload';

const caseRef = z.string().trim().min(1).max(100);

@ApiTags('bank transfers')
@Controller()
export class BankTransfersController {
  constructor(
    private readonly details: BankDetailsService,
    private readonly statements: BankStatementsService,
    private readonly transfers: BankTransfersService,
    private readonly access: CaseAccess,
  ) {}

  @Get('cases/:id/bank-details')
  @Can('money:read')
  @Returns(bankDetails.nullable())
  async getDetails(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string) {
    const theCase = await this.access.resolve(actor, id, 'money:read');
    return this.details.detailsOf(theCase.id);
  }

  @Put('cases/:id/bank-details')
  @Can('money:write')
  @Returns(bankDetails)
  async saveDetails(@CurrentActor() actor: Actor, @ZodParam('id', caseRef) id: string, @ZodBody(bankDetailsRequest) body: z.output<typeof bankDetailsRequest>) {
    const theCase = await this.access.resolve(actor, id, 'money:write');
    return this.details.save(actor, theCase.id, body);
  }

  @Post('donations/bank-statements')
  @Can('money:write')
  @ApiConsumes('multipart/form-data')
  @Returns(statementImportResult, 201)
  async importStatement(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.statements.importStatement(actor, await receiveStatement(request));
  }

  @Get('donations/bank-statements')
  @Can('money:read')
  @Returns(bankStatementPage)
  listStatements(@ZodQuery(pageQuery) query: PageQuery) {
    return this.statements.list(query);
  }

  @Delete('donations/bank-statements/:id/file')
  @Can('money:write')
  @HttpCode(204)
  async deleteStatementFile(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string) {
    await this.statements.deleteFile(actor, id);
  }

  @Get('donations/bank-transfers')
  @Can('money:read')
  @Returns(bankTransferPage)
  listTransfers(@CurrentActor() actor: Actor, @ZodQuery(bankTransferListQuery) query: BankTransferListQuery) {
    return this.transfers.list(actor, query);
  }

  @Post('donations/bank-transfers/:id/assign')
  @Can('money:write')
  @HttpCode(200)
  @Returns(bankTransferItem)
  assign(@CurrentActor() actor: Actor, @ZodParam('id', uuid) id: string, @ZodBody(assignBankTransferRequest) body: AssignBankTransferRequest) {
    return this.transfers.assign(actor, id, body);
  }
}
