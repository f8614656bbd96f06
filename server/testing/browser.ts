import { request as httpRequest } from 'node:http';

/** A browser stand-in: keeps the session cookie and sends what the dashboard sends. */
export class Browser {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie);
    const method = init.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      if (!headers.has('origin')) headers.set('origin', this.baseUrl);
      if (!headers.has('x-csrf')) headers.set('x-csrf', '1');
    }
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      body,
      redirect: 'manual',
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  async signIn(account: { username: string; password: string }): Promise<Response> {
    return this.fetch('/auth/login', { method: 'POST', json: account });
  }
}

/** The customer a forged cross-site write tries to create. */
export const FORGED_CUSTOMER = { first_name: 'Eve', last_name: 'Forger', email: 'eve@example.fr' };

/** A customer create from `browser`'s session with `headers` forged over what the dashboard sends. */
export const forgedCreate = (browser: Browser, headers: Record<string, string>) =>
  browser.fetch('/api/v1/customers', { method: 'POST', json: FORGED_CUSTOMER, headers });

/** A request exactly as written, for paths fetch() would normalise and headers it would refuse. */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
