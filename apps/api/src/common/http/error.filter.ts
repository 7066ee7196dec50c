import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ZodError } from 'zod';
import { SealedValueRefused } from '../crypto/field-cipher';
import { DomainError } from './domain-error';
import { summarizeError } from './error-summary';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId?: string;
  [extra: string]: unknown;
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** PostgreSQL error codes that mean the client sent something wrong, or the database is away. */
const pgClientErrors: Record<string, [number, string]> = {
  '23505': [409, 'Already exists'],
  '23503': [409, 'Refers to something that does not exist or is still in use'],
  '22P02': [400, 'Invalid value'],
  '22001': [400, 'Value too long'],
  '22003': [400, 'Number out of range'],
  '22007': [400, 'Invalid date'],
  '22008': [400, 'Date out of range'],
};

const connectionErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001', '08003']);

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    return { statusCode: exception.statusCode, error: reasons[exception.statusCode], message: exception.message, ...exception.extra };
  }
  if (exception instanceof ZodError) {
    const first = exception.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return {
      statusCode: 400,
      error: reasons[400],
      message: `${where}${first?.message ?? 'Invalid input'}`,
      issues: exception.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? exception.message);
    return { ...body, statusCode: status, error: reasons[status] ?? 'Error', message };
  }
  if (exception instanceof QueryFailedError) {
    const { code = '', constraint = '' } = exception.driverError as { code?: string; constraint?: string };
    // A link to another case's object (see the same-case-links migration) is answered like a missing id.
    if (code === '23503' && constraint.endsWith('_same_case')) return { statusCode: 404, error: reasons[404], message: 'Linked record not found in this case' };
    const known = pgClientErrors[code];
    if (known) return { statusCode: known[0], error: reasons[known[0]], message: known[1] };
    // Class 22 is "data exception": a value the client sent that PostgreSQL cannot take (NUL byte, bad escape, ...).
    if (code.startsWith('22')) return { statusCode: 400, error: reasons[400], message: 'Invalid value' };
    if (connectionErrors.has(code)) return { statusCode: 503, error: reasons[503], message: 'Database unavailable' };
  }
  const code = (exception as { code?: string })?.code;
  if (code && connectionErrors.has(code)) {
    return { statusCode: 503, error: reasons[503], message: 'Database unavailable' };
  }
  // The connection died mid-transaction: TypeORM released the runner before it could COMMIT or ROLLBACK.
  if (exception instanceof QueryRunnerAlreadyReleasedError || exception instanceof QueryRunnerProviderAlreadyReleasedError)
    return { statusCode: 503, error: reasons[503], message: 'Database unavailable' };
  if (exception instanceof Error && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(exception.message)) {
    return { statusCode: 503, error: reasons[503], message: 'Database unavailable' };
  }
  // Stored data failed its integrity check (moved to another row or column, or changed): the server's fault, said plainly.
  if (exception instanceof SealedValueRefused) {
    return { statusCode: 500, error: reasons[500], message: 'A stored encrypted value failed its integrity check', code: 'sealed_value_refused' };
  }
  // An upstream client's error (Stripe's carry its own 4xx statusCode) is never the caller's fault.
  if (isUpstreamClientError(exception)) return { statusCode: 502, error: reasons[502], message: 'An upstream service failed' };
  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
  const fastifyStatus = (exception as { statusCode?: number })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return { statusCode: fastifyStatus, error: reasons[fastifyStatus] ?? 'Error', message: (exception as Error).message };
  }
  return { statusCode: 500, error: reasons[500], message: 'Internal server error' };
}

function isUpstreamClientError(exception: unknown): boolean {
  const type = (exception as { type?: unknown })?.type;
  return typeof type === 'string' && type.startsWith('Stripe');
}

/** The one place errors become HTTP: the contract's shape, a request id, never a stack. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = toErrorBody(exception);
    body.requestId = request?.id;
    if (body.statusCode >= 500) {
      // Never the error object itself: a failed query carries its parameters (hashes, emails, names).
      this.logger.error({ error: summarizeError(exception), requestId: request?.id }, 'request failed');
    }
    if (reply.sent) return;
    reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
