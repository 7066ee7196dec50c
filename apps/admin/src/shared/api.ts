/** Typed JSON requests to the API, with the CSRF header the API requires on every state change. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { statusCode?: number; message?: string; mfaRequired?: boolean; issues?: Array<{ path: string; message: string }> } & Record<
      string,
      unknown
    >,
  ) {
    super(body.message ?? `Request failed (${status})`);
  }
}

export function csrfToken(): string {
  // `__Host-csrf` in production (HTTPS), `csrf` elsewhere.
  const match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: { method?: string; body?: unknown; query?: Query } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(withQuery(path, options.query), { method, headers, body, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, parsed ?? { message: response.statusText });
  return parsed as T;
}
