/**
 * Base of the domain's own exceptions. Services throw these; the one
 * exception filter maps them to HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(what = 'Resource') {
    super(404, `${what} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super(409, message);
  }
}

export class Unprocessable extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(422, message, extra);
  }
}

export class ServiceUnavailable extends DomainError {
  constructor(message: string) {
    super(503, message);
  }
}

/** An upstream service (Stripe, ...) failed or refused: 502, or 503 when it is not configured or not reachable. */
export class UpstreamFailure extends DomainError {
  constructor(status: 502 | 503, message: string) {
    super(status, message);
  }
}
