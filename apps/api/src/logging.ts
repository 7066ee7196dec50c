import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type LogFn, type Logger } from 'pino';
import { summarizeError } from './common/http/error-summary';
import type { AppConfig } from './config/app-config';

/** Query parameters whose values say nothing about a person (paging size, filters by fixed vocabularies). */
const PLAIN_QUERY = new Set(['limit', 'status', 'kind', 'type', 'types', 'severity', 'language', 'format', 'version', 'inline', 'step']);
const PLAIN_VALUE = /^[A-Za-z0-9_,.:%-]{0,32}$/;
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_.[\]-]{0,31}$/;
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
      // A bare item (`?TOKEN`) is a value too: only the known plain names stay.
      if (!pair.includes('=')) return PLAIN_QUERY.has(pair) ? pair : '…';
      // A name is kept only when it reads like one (`cursor`, `caseId`); a token sent as a name is data.
      if (!QUERY_NAME.test(key)) return '…';
      // A plain name keeps its value only while the value reads like its vocabulary (`open`, `20`, `motion,order`).
      return PLAIN_QUERY.has(key) && PLAIN_VALUE.test(pair.slice(key.length + 1)) ? pair : `${key}=…`;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** Nest's wiring report at start (each module, each mapped route): kept for LOG_LEVEL=debug, noise otherwise. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

function quietFramework(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const first = args[0] as { context?: string } | undefined;
  const chatter = level < 40 && typeof first === 'object' && first !== null && FRAMEWORK_CONTEXTS.has(first.context ?? '');
  if (chatter && this.levelVal > 20) return;
  method.apply(this, args);
}

interface LogRecord {
  context?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** One line a person reads: `12:04:05 INFO  Mail: queued …`, a request as `GET /api/cases → 200 (12 ms)`. */
function readableLine(record: LogRecord, messageKey: string): string {
  if (record.req && record.res) return `${record.req.method} ${record.req.url} → ${record.res.statusCode} (${Math.round(record.responseTime ?? 0)} ms)`;
  return `${record.context ? `${record.context}: ` : ''}${String(record[messageKey] ?? '')}`;
}

/** pino-pretty in-process (synchronous, so nothing is lost at exit), loaded only when a person is reading. */
export function prettyStream(): DestinationStream {
  const pretty = require('pino-pretty') as typeof import('pino-pretty');
  return pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime,requestId,reqId',
    messageFormat: readableLine as never,
    singleLine: true,
  });
}

/** The launcher's own lines (database, migrations, address): the same format as the app's log. */
export function startupLogger(pretty: boolean): Logger {
  return pino({ base: { context: 'main' }, timestamp: pino.stdTimeFunctions.epochTime }, pretty ? prettyStream() : pino.destination({ dest: 1, sync: true }));
}

/**
 * JSON logs with the request id on every line. Bodies are never logged, headers that carry secrets are
 * removed, and an error is logged as its class, code and a message without values (`err` in any log call).
 */
export function loggerOptions(config: AppConfig): Params {
  const destination = config.logFile
    ? pino.destination({ dest: config.logFile, append: true, mkdir: true, sync: true })
    : config.logPretty
      ? prettyStream()
      : undefined;
  const options = {
    level: config.logLevel,
    hooks: { logMethod: quietFramework },
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
  // Nest 11 names "every path" `{*path}`; the old `*` default made Nest warn at every start.
  return { pinoHttp: destination ? [options, destination] : options, exclude: [], forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }] };
}
