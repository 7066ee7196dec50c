import type { Params } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from './config/app-config';

/** Secret tokens travel in some URLs (calendar feeds, invites); they never reach the log. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](token|cursor)=)[^&]+/g, '$1…').replace(/\/(calendar|invites?)\/[^/?]+/g, '/$1/…');
}

/**
 * JSON logs with the request id on every line. Bodies are never logged, and
 * headers that carry secrets are removed.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
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
      },
      autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/api/health') ?? false },
    },
    exclude: [],
  };
}
