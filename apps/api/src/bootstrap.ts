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

/** The API speaks JSON (and multipart for uploads); form posts and plain text are refused before any parsing. */
function acceptsBody(request: IncomingMessage): boolean {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || !request.url?.startsWith('/api/')) return true;
  return bodyTypes.test(request.headers['content-type'] ?? '');
}

/** Routes served by the API outside /api: the public page of a case, server-rendered beside the donation page. */
export const outsideApi = [{ path: 'support/:slug', method: RequestMethod.GET }];

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
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!acceptsBody(request.raw)) {
      const message = 'Send JSON (application/json) or, for uploads, multipart/form-data';
      await reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message, requestId: request.id });
    }
  });
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
