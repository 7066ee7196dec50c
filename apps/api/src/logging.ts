import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { summarizeError } from './common/http/error-summary';
import type { AppConfig } from './config/app-config';

/** Query parameters whose values say nothing about a person (paging size, filters by fixed vocabularies). */
const PLAIN_QUERY = new Set(['limit', 'status', 'kind', 'type', 'types', 'severity', 'language', 'format', 'version', 'inline', 'step']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Secret tokens travel in some URLs (calendar feeds, invites, intake links) and searches carry names;
 * none of it reaches the log: token-like path segments and every query value outside PLAIN_QUERY become `…`.
 */
export function redactUrl(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  const safePath = path
    .replace(/\/(calendar|invites?)\/[^/?]+/g, '/$1/…')
    .split('/')
    .map((segment) => (segment.length >= 20 && !UUID.test(segment) ? '…' : segment))
    .join('/');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [key] = pair.split('=', 1);
      return pair.includes('=') && !PLAIN_QUERY.has(key) ? `${key}=…` : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/**
 * JSON logs with the request id on every line. Bodies are never logged, headers that carry secrets are
 * removed, and an error is logged as its class, code and a message without values (`err` in any log call).
 */
export function loggerOptions(config: AppConfig): Params {
  const destination = config.logFile ? pino.destination({ dest: config.logFile, append: true, mkdir: true, sync: true }) : undefined;
  const options = {
    level: config.logLevel,
    genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? '',
    customProps: (request: IncomingMessage) => ({ requestId: (request as IncomingMessage & { id?: string }).id }),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'req.headers["stripe-signature"]',
        'res.headers["set-cookie"]',
        'err.config',
      ],
      remove: true,
    },
    serializers: {
      req: (request: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: request.id,
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      err: summarizeError,
    },
    autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/api/health') ?? false },
  };
  return { pinoHttp: destination ? [options, destination] : options, exclude: [] };
}
