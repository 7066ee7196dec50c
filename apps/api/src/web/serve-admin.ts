import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Vite names every built asset under `assets/` with a content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Hashed files may be kept for a year; everything else (HTML, the root's unhashed files) is revalidated on each use. */
export function cacheControlFor(path: string): string {
  return path.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache';
}

/**
 * Serves the built admin at `/` and the public donation page at `/donate/:slug`
 * (its own small entry), sending the brotli or gzip twin the build wrote beside each file
 * when the browser accepts it. Client-side routes fall back to their HTML; unknown
 * `/api/...` paths stay JSON 404s.
 */
export async function serveAdmin(fastify: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built) {
    await fastify.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(path)),
    });
  }
  const page = (file: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Route GET ${request.url.split('?')[0]} not found`, requestId: request.id });
    }
    if (!built) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The admin app is not built yet: run `npm start` (it builds it) or `npm run build`.');
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(file, distDir);
  };
  if (built) {
    // The donation page asks for its campaign as soon as it runs; a preload starts that request with the page's
    // scripts instead of after them (one round trip less before the first content on a slow phone network).
    const donateHtml = readFileSync(join(distDir, 'donate.html'), 'utf8');
    fastify.get('/donate/:slug', async (request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
      const slug = request.params.slug;
      const preload = /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)
        ? `<link rel="preload" href="/api/public/campaigns/${slug}" as="fetch" crossorigin="anonymous">`
        : '';
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(donateHtml.replace('</head>', `${preload}</head>`));
    });
  }
  fastify.get('/donate/*', page('donate.html'));
  fastify.get('/*', page('index.html'));
  fastify.get('/', page('index.html'));
}
