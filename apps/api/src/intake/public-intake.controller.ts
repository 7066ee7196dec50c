import { Body, Controller, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { intakeReceipt, intakeStatusReply } from '@habeas/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public } from '../common/auth/access.decorators';
import { DomainError } from '../common/http/domain-error';
import { privatePage } from '../common/http/html-reply';
import { Returns, ZodParam, ZodQuery } from '../common/http/zod-validation';
import { AppConfig } from '../config/app-config';
import { LocalFileStore } from '../documents/local-file-store';
import { receiveUploads } from '../documents/upload-receiver';
import { languageOf } from '../public-case/public-html';
import { intakeFormPage, intakeLinkGonePage, intakeReceiptPage, intakeStatusPage } from './intake-page';
import { INTAKE_MAX_FILES, IntakeService, type IntakeInput } from './intake.service';

const token = z.string().trim().min(1).max(200);
const receiptParam = z.string().trim().min(1).max(40);
const pageQuery = z.object({ lang: z.enum(['ru', 'en']).optional(), receipt: z.string().max(40).optional() });
type PageQuery = z.infer<typeof pageQuery>;

/**
 * The relatives' side: the JSON/multipart API and the server-rendered form, receipt and status pages, all
 * without an account or a cookie. Unknown, revoked and expired links answer 404 alike.
 */
@ApiTags('family intake')
@Controller()
export class PublicIntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly staging: LocalFileStore,
    private readonly config: AppConfig,
  ) {}

  @Post('public/intake/:token')
  @Public()
  @ApiConsumes('application/json', 'multipart/form-data')
  @Returns(intakeReceipt, 201)
  async submit(@ZodParam('token', token) key: string, @Req() request: FastifyRequest, @Body() body: unknown) {
    const { receipt } = await this.intake.submit(key, request.ip, this.inputOf(request, body));
    return { receipt };
  }

  @Get('public/intake/:token/status/:receipt')
  @Public()
  @Returns(intakeStatusReply)
  status(@ZodParam('token', token) key: string, @ZodParam('receipt', receiptParam) receipt: string) {
    return this.intake.status(key, receipt);
  }

  /** The form itself (outside /api), readable and sendable without JavaScript. */
  @Get('intake/:token')
  @Public()
  @ApiProduces('text/html')
  async form(
    @ZodParam('token', token) key: string,
    @ZodQuery(pageQuery) query: PageQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    return this.html(reply, language, async () => {
      await this.intake.linkOf(key);
      return intakeFormPage(key, language);
    });
  }

  @Post('intake/:token')
  @Public()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiProduces('text/html')
  async sendForm(
    @ZodParam('token', token) key: string,
    @ZodQuery(pageQuery) query: PageQuery,
    @Headers('accept-language') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    return this.html(reply, language, async () => {
      try {
        const result = await this.intake.submit(key, request.ip, this.inputOf(request, body));
        return intakeReceiptPage(key, language, result.receipt, result.emergency);
      } catch (error) {
        if (!(error instanceof DomainError) || error.statusCode === 404) throw error;
        reply.status(error.statusCode);
        return intakeFormPage(key, language, error.message);
      }
    });
  }

  @Get('intake/:token/status')
  @Public()
  @ApiProduces('text/html')
  async statusPage(
    @ZodParam('token', token) key: string,
    @ZodQuery(pageQuery) query: PageQuery,
    @Headers('accept-language') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = languageOf(query, accept);
    return this.html(reply, language, async () => {
      await this.intake.linkOf(key);
      if (!query.receipt) return intakeStatusPage(key, language);
      const status = await this.intake.status(key, query.receipt).then(
        (found) => found.status,
        (error: unknown) => {
          if (error instanceof DomainError && error.statusCode === 404) return null;
          throw error;
        },
      );
      return intakeStatusPage(key, language, { receipt: query.receipt, status });
    });
  }

  private inputOf(request: FastifyRequest, body: unknown): IntakeInput {
    if (!request.isMultipart()) return { kind: 'json', body: body ?? {} };
    return {
      kind: 'form',
      read: () => receiveUploads(request, () => this.staging.newTempPath(), { maxBytes: this.config.uploadMaxBytes, maxFiles: INTAKE_MAX_FILES }),
    };
  }

  /** A dead link gets a page that says so, with 404. */
  private html(reply: FastifyReply, language: 'ru' | 'en', render: () => Promise<string>): Promise<string> {
    return privatePage(reply, render, () => intakeLinkGonePage(language));
  }
}
