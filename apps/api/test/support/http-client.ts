import { noteExchange } from './written-secrets';

/** A small cookie-keeping HTTP client that sends the CSRF header like the admin does. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get csrf(): string | undefined {
    return this.cookies.get('csrf') ?? this.cookies.get('__Host-csrf');
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const sendHeaders: Record<string, string> = { ...headers };
    if (this.cookies.size) sendHeaders.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && method !== 'HEAD' && this.csrf && !('x-csrf-token' in headers)) sendHeaders['x-csrf-token'] = this.csrf;
    let payload: RequestInit['body'];
    if (body instanceof FormData || typeof body === 'string' || body instanceof Uint8Array) {
      payload = body as RequestInit['body'];
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      sendHeaders['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers: sendHeaders, body: payload, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    noteExchange(path, body, response.headers.getSetCookie(), text);
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}
