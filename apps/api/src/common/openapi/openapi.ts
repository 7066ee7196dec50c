import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { requestExamples, uploadForms } from './examples';

/** Routes anyone may call (no session): documented without security requirements. */
const publicPaths = [/^\/api\/public\//, /^\/api\/health\//, /^\/api\/webhooks\//, /^\/api\/auth\/(login|invites\/accept)$/, /^\/api\/calendar\//];

const errorSchema = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 404 },
    error: { type: 'string', example: 'Not Found' },
    message: { type: 'string', example: 'Case not found' },
    requestId: { type: 'string' },
  },
};

const errorResponses: Record<string, string> = {
  '400': 'Invalid input (the issues are in `message` and `issues`)',
  '401': 'Not signed in, or the session ended',
  '403': 'The role may not use this route, or the x-csrf-token header is missing',
  '404': 'Not found, or not visible to this user',
};

/** `CasesController_listHearings` → `List hearings (cases)`. */
function summaryOf(operationId: string | undefined): string {
  const [controller = '', method = ''] = (operationId ?? '').split('_');
  const words = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const action = words(method);
  const area = words(controller.replace(/Controller$/, ''));
  return `${action.charAt(0).toUpperCase()}${action.slice(1)}${area ? ` (${area})` : ''}`;
}

/**
 * Every operation gets a summary, its security (session cookie; plus the CSRF header for changes) and the
 * shared error responses, so "Try it out" works and a reader sees what can go wrong.
 */
export function completeOperations(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: errorSchema } };
  for (const [path, item] of Object.entries(document.paths)) {
    const isPublic = publicPaths.some((pattern) => pattern.test(path));
    for (const [method, operation] of Object.entries(item) as Array<[string, Record<string, any>]>) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operation.summary ??= summaryOf(operation.operationId);
      const changes = method !== 'get';
      if (!isPublic) operation.security = [changes ? { cookie: [], csrf: [] } : { cookie: [] }];
      const codes = ['400', ...(isPublic ? [] : ['401', '403']), ...(path.includes('{') ? ['404'] : [])];
      operation.responses ??= {};
      for (const code of codes) {
        operation.responses[code] ??= {
          description: errorResponses[code],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
      const upload = uploadForms[`${method} ${path}`];
      if (upload) operation.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', ...upload } } } };
    }
  }
  for (const { method, path, example } of requestExamples) {
    const json = (document.paths[path]?.[method] as Record<string, any> | undefined)?.requestBody?.content?.['application/json'];
    if (json) json.example = example;
  }
  return document;
}

/** Runs in the browser: copies the readable csrf cookie into the header every state-changing request needs. */
function sendCsrfHeader(request: { method?: string; headers: Record<string, string> }) {
  const match = /(?:^|;\s*)(?:__Host-)?csrf=([^;]+)/.exec(document.cookie);
  if (match && request.method && request.method.toUpperCase() !== 'GET') request.headers['x-csrf-token'] = decodeURIComponent(match[1]);
  return request;
}
declare const document: { cookie: string };

/** OpenAPI at /api/docs-json and Swagger UI at /api/docs, built from the routes and their zod schemas. */
export function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Habeas API')
    .setDescription(
      'Case management and defense fund for a person in detention. Sign in with POST /api/auth/login ("Try it out"): the browser keeps the ' +
        'session cookie, and this page sends the csrf cookie back as the x-csrf-token header on every change.',
    )
    .setVersion('1')
    .addCookieAuth('habeas_session', { type: 'apiKey', in: 'cookie', name: 'habeas_session' }, 'cookie')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'Equal to the csrf cookie; sent for you on this page' }, 'csrf')
    .build();
  const document = completeOperations(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    raw: ['json'],
    swaggerOptions: { requestInterceptor: sendCsrfHeader, withCredentials: true, persistAuthorization: true },
  });
}
