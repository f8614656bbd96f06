import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp as buildSandbox, type SandboxConfig } from '../sandbox/app';
import { basicAuth, TEST_APP_ID, TEST_APP_SECRET, TEST_SANDBOX_CONFIG } from '../sandbox/testing';
import { buildApp, type ProxyConfig } from './app';
import { UsersFile } from './users';

/**
 * Black-box test support: a real sandbox and a real proxy, each listening on a
 * free loopback port, agents in a temporary users file, and a cookie-keeping client.
 */
export const AGENT = { username: 'alice', password: 'alice-password-123' };
export const VIEWER = { username: 'victor', password: 'victor-password-123' };

let accountsTemplate: string | undefined;

export interface Stack {
  sandbox: FastifyInstance;
  sandboxUrl: string;
  proxy: FastifyInstance;
  url: string;
  logs: Record<string, unknown>[];
  dir: string;
  /** Sandbox control calls (faults, stats, recorded requests). */
  control: (method: string, path: string, body?: unknown) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startSandbox(overrides: Partial<SandboxConfig> = {}, port = 0) {
  const sandbox = await buildSandbox({ ...TEST_SANDBOX_CONFIG, ...overrides });
  const url = await sandbox.listen({ host: '127.0.0.1', port });
  return { sandbox, url };
}

export async function startStack(
  options: {
    sandbox?: Partial<SandboxConfig>;
    proxy?: Partial<ProxyConfig>;
    upstream?: Partial<ProxyConfig['upstream']>;
  } = {},
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'proxy-test-'));
  const usersFile = join(dir, 'users.json');
  if (!accountsTemplate) {
    const file = new UsersFile(join(dir, 'template.json'));
    await file.add(AGENT.username, 'agent', AGENT.password);
    await file.add(VIEWER.username, 'viewer', VIEWER.password);
    accountsTemplate = JSON.stringify({ users: file.read() });
  }
  writeFileSync(usersFile, accountsTemplate);
  const distDir = join(dir, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(
    join(distDir, 'index.html'),
    '<!doctype html><title>Dashboard</title><div id="root"></div>',
  );
  writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log("dashboard");');

  const { sandbox, url: sandboxUrl } = await startSandbox(options.sandbox);
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const proxy = await buildApp({
    upstream: {
      baseUrl: sandboxUrl,
      appId: TEST_APP_ID,
      appSecret: TEST_APP_SECRET,
      ...options.upstream,
    },
    sessionSecret: 'a-test-session-secret-of-forty-characters!',
    usersFile,
    distDir,
    logger: { level: 'info', stream },
    ...options.proxy,
  });
  const url = await proxy.listen({ host: '127.0.0.1', port: 0 });
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandboxUrl}${path}`, {
      method,
      headers: {
        authorization: basicAuth(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    sandbox,
    sandboxUrl,
    proxy,
    url,
    logs,
    dir,
    control,
    close: async () => {
      await proxy.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Requests per operation the sandbox of a stack has counted (its token requests included). */
export async function sandboxStats(stack: Pick<Stack, 'control'>): Promise<Record<string, number>> {
  const reply = await stack.control('GET', '/_sandbox/stats');
  return ((await reply.json()) as { operations: Record<string, number> }).operations;
}

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
