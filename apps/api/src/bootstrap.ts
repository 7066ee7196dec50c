import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { findUnsafeText } from '@habeas/contracts';
import { AppModule } from './app.module';
import { mountOpenApi } from './common/openapi/openapi';
import { FieldCipher } from './common/crypto/field-cipher';
import { registerCurrentKey } from './common/crypto/keys-in-use';
import type { AppConfig } from './config/app-config';
import { serveAdmin } from './web/serve-admin';

function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID();
}

const bodyTypes = /^(application\/json|multipart\/form-data)\b/i;

/**
 * The API speaks JSON (and multipart for uploads); form posts and plain text are refused before any parsing.
 * `route` is the matched route's pattern, not the raw URL, so a percent-encoded path (`/%61pi/...`) is checked too.
 */
function acceptsBody(request: IncomingMessage, route: string | undefined): boolean {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !route?.startsWith('/api/')) return true;
  return bodyTypes.test(request.headers['content-type'] ?? '');
}

/** Browser features the app never uses, off for every page and response (camera, microphone, location, payments, ...). */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/**
 * Text answers compressed (brotli or gzip by `Accept-Encoding`) from 1 KB up. Event streams, downloads and archives are
 * never compressed here: a stream must flush each event, and files are sent byte for byte as stored.
 */
const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript|xml|atom\+xml)|text\/(html|css|csv|plain|xml|calendar|javascript)|image\/svg\+xml)\b/i;

/** Routes served by the API outside /api: the public page of a case (with its subscription pages) and the family intake form, server-rendered beside the donation page. */
export const outsideApi = [
  { path: 'support/:slug', method: RequestMethod.GET },
  { path: 'intake/:token', method: RequestMethod.GET },
  { path: 'intake/:token', method: RequestMethod.POST },
  { path: 'intake/:token/status', method: RequestMethod.GET },
  { path: 'support/:slug/subscribe', method: RequestMethod.POST },
  { path: 'support/:slug/solidarity', method: RequestMethod.POST },
  { path: 'support/subscriptions/:token/confirm', method: RequestMethod.GET },
  { path: 'support/subscriptions/:token/confirm', method: RequestMethod.POST },
  { path: 'support/subscriptions/:token/unsubscribe', method: RequestMethod.GET },
  { path: 'support/subscriptions/:token/unsubscribe', method: RequestMethod.POST },
];

/** Builds the configured app (not yet listening); used by main and by the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  FieldCipher.configure(config.encryptionKey, config.previousEncryptionKeys);
  const adapter = new FastifyAdapter({
    genReqId: requestId,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config), adapter, { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix('api', { exclude: outsideApi });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  // onRequest runs after routing: the check sees the route that will handle the request.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!acceptsBody(request.raw, request.routeOptions.url)) {
      const message = 'Send JSON (application/json) or, for uploads, multipart/form-data';
      await reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message, requestId: request.id });
    }
  });
  // The one string rule (libs/contracts text.ts) for every route's path, query and JSON body, before any handler.
  // Stripe's webhook is exempt: its body is verified and kept exactly as signed.
  fastify.addHook('preValidation', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || route === '/api/webhooks/stripe') return;
    const parts = { path: request.params, query: request.query, body: request.body };
    const where = findUnsafeText(parts);
    if (where) {
      const message = `${where}: control characters (such as NUL) are not allowed`;
      await reply.code(400).send({ statusCode: 400, error: 'Bad Request', message, requestId: request.id });
    }
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only a production deployment is known to sit behind HTTPS.
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production',
    crossOriginEmbedderPolicy: false,
  });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 } });
  await serveAdmin(fastify, config.adminDistDir);
  mountOpenApi(app);
  await app.init();
  await registerCurrentKey(app.get(DataSource), config.encryptionKey.id);
  return app;
}
