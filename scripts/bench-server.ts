/**
 * One server of the proxy benchmark, in a process of its own so its CPU time
 * can be read from /proc: `sandbox`, `baseline` (a bare @fastify/http-proxy)
 * or `ours` (the real proxy). Prints one JSON line with its URL, then serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyHttpProxy from '@fastify/http-proxy';
import Fastify from 'fastify';
import { buildApp as buildProxy } from '../server/proxy/app';
import { addOrResetAccount } from '../server/proxy/users';
import { buildApp as buildSandbox } from '../server/sandbox/app';
import { basicAuth } from '../server/sandbox/testing';

const [kind, upstream = ''] = process.argv.slice(2);
const APP_ID = 'bench';
const APP_SECRET = 'bench-secret-0123456789';

/** A bearer token from the sandbox at `sandboxUrl`. */
async function token(sandboxUrl: string): Promise<string> {
  const reply = await fetch(`${sandboxUrl}/oauth/accesstoken`, {
    method: 'POST',
    headers: {
      authorization: basicAuth(APP_ID, APP_SECRET),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=customers',
  });
  return ((await reply.json()) as { access_token: string }).access_token;
}

let url: string;
const extra: Record<string, string> = {};
/** Removed when the benchmark stops this server (our proxy's store lives in one). */
const tempDirs: string[] = [];
if (kind === 'sandbox') {
  const app = await buildSandbox({
    db: ':memory:',
    seed: 200,
    appId: APP_ID,
    appSecret: APP_SECRET,
    verificationDelayMs: 0,
    tokenTtlSeconds: 86_400,
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  extra.token = await token(url);
} else if (kind === 'baseline') {
  const bearer = `Bearer ${await token(upstream)}`;
  const app = Fastify();
  await app.register(fastifyHttpProxy, {
    upstream,
    prefix: '/api/v1',
    rewritePrefix: '/v1',
    replyOptions: {
      rewriteRequestHeaders: (_request, headers) => ({ ...headers, authorization: bearer }),
    },
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
} else if (kind === 'ours') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-proxy-'));
  tempDirs.push(dir);
  const app = await buildProxy({
    upstream: { baseUrl: upstream, appId: APP_ID, appSecret: APP_SECRET },
    sessionSecret: 'bench-session-secret-of-at-least-32-bytes',
    usersFile: join(dir, 'users.json'),
    // As deployed: the SQLite file under DATA_DIR, or PostgreSQL with DATABASE_URL.
    store: { databaseUrl: process.env.DATABASE_URL, dataDir: dir },
    distDir: join(dir, 'dist'),
  });
  await addOrResetAccount(app.store, 'bench', 'agent', 'bench-password-123');
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf': '1', origin: url },
    body: JSON.stringify({ username: 'bench', password: 'bench-password-123' }),
  });
  extra.cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
} else {
  throw new Error(`unknown server kind ${kind}`);
}
console.log(JSON.stringify({ url, ...extra }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}
