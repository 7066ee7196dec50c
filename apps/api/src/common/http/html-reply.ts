import type { FastifyReply } from 'fastify';
import { DomainError } from './domain-error';

/** Marks the reply as a server-rendered page that is never cached and sends no referrer (its address holds a token). */
export function asPrivatePage(reply: FastifyReply, page: string): string {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return page;
}

/**
 * Renders a page behind a link (a subscription or intake token): a link that is unknown, used up or revoked
 * (a 404 from `render`) gets the `gone` page with status 404; any other error goes to the error filter.
 */
export async function privatePage(reply: FastifyReply, render: () => Promise<string>, gone: () => string): Promise<string> {
  try {
    return asPrivatePage(reply, await render());
  } catch (error) {
    if (!(error instanceof DomainError) || error.statusCode !== 404) throw error;
    reply.status(404);
    return asPrivatePage(reply, gone());
  }
}
