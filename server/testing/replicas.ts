import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword, type Role } from '../proxy/users';
import { openStore, type Store } from '../store/store';
import {
  createDatabase,
  findPostgresBin,
  freePort,
  startPostgres,
  type ThrowawayPostgres,
} from '../store/testing/postgres';
import { sandboxControl } from './sandboxControl';

/**
 * Black-box support for the two-replica deployment: one throwaway PostgreSQL
 * (or a database on a given cluster), one sandbox process (`server/sandbox/main.ts`)
 * and N proxy processes started the way production starts them
 * (`node --import tsx server/proxy/main.ts` with environment variables only),
 * each killable with SIGKILL and restartable on its own port. Accounts are made
 * through the store, as `npm run user` does. Every process is stopped by
 * `stop()`, at the exit of the run that started it, and by itself when that run
 * is gone (exitWithParent.ts).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WATCHDOG = fileURLToPath(new URL('./exitWithParent.ts', import.meta.url));
const APP_ID = 'replicas-app';
const APP_SECRET = 'replicas-secret-0123456789';
/** How much of a server's output is kept for failure messages. */
const KEPT_OUTPUT = 64 * 1024;

/** Resident memory of a live process, in MB (from /proc), or undefined when it is gone. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** Every process any harness in this run started, killed at exit whatever else happened. */
const everyChild = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of everyChild) child.kill('SIGKILL');
});

interface ServerProcess {
  child: ChildProcess;
  /** The URL it printed once ready. */
  url: string;
  exited: Promise<void>;
}

/** Starts `node --import tsx <entry>` and waits until its output matches `ready` (group 1: its URL). */
function startServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  output: { text: string },
  withinMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', WATCHDOG, entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  everyChild.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      everyChild.delete(child);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    // Only this start's output: after a restart, the kept output still holds the last start's line.
    let sinceStart = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} was not ready within ${withinMs} ms:\n${output.text}`));
    }, withinMs);
    const onData = (chunk: Buffer) => {
      output.text = (output.text + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
      if (url === undefined) sinceStart = (sinceStart + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
      const match = url === undefined ? ready.exec(sinceStart) : null;
      if (match) {
        url = match[1]!.replace(/\/$/, '');
        clearTimeout(timer);
        resolve({ child, url, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      if (url === undefined) {
        reject(
          new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output.text}`),
        );
      }
    });
  });
}

async function stopServer(server: ServerProcess | undefined, signal: NodeJS.Signals) {
  if (!server) return;
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}

/** One proxy process, on a port of its own that it keeps across restarts. */
export interface Replica {
  name: string;
  port: number;
  url: string;
  pid: () => number | undefined;
  running: () => boolean;
  /** SIGKILL: no shutdown of any kind, like a machine that dies. Resolves once it is gone. */
  kill: () => Promise<void>;
  /** SIGTERM: the graceful stop. */
  stop: () => Promise<void>;
  /** SIGSTOP / SIGCONT: frozen, its connections open but unanswered (a stalled machine). */
  pause: () => void;
  resume: () => void;
  /** Starts it again on the same port (after kill or stop). */
  start: () => Promise<void>;
  rssMb: () => number | undefined;
  output: () => string;
}

export interface ReplicaSet {
  databaseUrl: string;
  sandboxUrl: string;
  replicas: Replica[];
  /** The test's own connection to the shared store (accounts, as `npm run user` makes them). */
  store: Store;
  addAccount: (username: string, password: string, role?: Role) => Promise<void>;
  /** The sandbox's fault switch and statistics (`/_sandbox/...`). */
  control: (method: string, path: string, body?: unknown) => Promise<Response>;
  /** Every customer the sandbox holds, by id (from its own API). */
  upstreamCustomerIds: () => Promise<string[]>;
  /** Every customer the sandbox holds, newest first, with the email it was made with (from its own API). */
  upstreamCustomers: () => Promise<{ id: string; email: string }[]>;
  /** Stops everything, removes the temp dirs (and the cluster when the harness started it). */
  stop: () => Promise<void>;
}

export interface ReplicaOptions {
  count?: number;
  /** A cluster's admin URL (a test's globalSetup); unset: a throwaway cluster of our own. */
  postgresAdminUrl?: string;
  /** More environment for every proxy (e.g. TRUST_PROXY, LOG_LEVEL). */
  env?: Record<string, string>;
}

/** Starts PostgreSQL (unless given one), the sandbox and `count` proxies sharing one database. */
export async function startReplicas(options: ReplicaOptions = {}): Promise<ReplicaSet> {
  const dirs: string[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  try {
    let adminUrl = options.postgresAdminUrl;
    if (adminUrl === undefined) {
      const found = findPostgresBin();
      if ('missing' in found) throw new Error(`PostgreSQL is needed: ${found.missing}`);
      const cluster: ThrowawayPostgres = await startPostgres(found.bin);
      cleanups.push(() => cluster.stop());
      adminUrl = cluster.adminUrl;
    }
    const databaseUrl = await createDatabase(
      adminUrl,
      `replicas_${randomUUID().replace(/-/g, '')}`,
    );
    // Migrated here, once, before any replica starts; the replicas find it current.
    const storeDir = mkdtempSync(join(tmpdir(), 'replicas-store-'));
    dirs.push(storeDir);
    const store = await openStore({ databaseUrl, dataDir: storeDir });
    cleanups.push(() => store.close());

    const sandboxOutput = { text: '' };
    const sandbox = await startServer(
      'sandbox',
      join('server', 'sandbox', 'main.ts'),
      {
        SANDBOX_PORT: '0',
        SANDBOX_HOST: '127.0.0.1',
        SANDBOX_DB: ':memory:',
        SANDBOX_SEED: '0',
        SANDBOX_APP_ID: APP_ID,
        SANDBOX_APP_SECRET: APP_SECRET,
        SANDBOX_VERIFICATION_DELAY_MS: '0',
        LOG_LEVEL: 'warn',
      },
      /sandbox, \w+ flavour, on (http:\/\/\S+)/,
      sandboxOutput,
    );
    cleanups.push(() => stopServer(sandbox, 'SIGKILL'));

    const sessionSecret = randomBytes(48).toString('base64url');
    const replicas: Replica[] = [];
    for (let index = 0; index < (options.count ?? 2); index += 1) {
      const name = String.fromCharCode(65 + index);
      const port = await freePort();
      const dataDir = mkdtempSync(join(tmpdir(), `replica-${name}-`));
      dirs.push(dataDir);
      const env = {
        FINTECTURE_API_URL: sandbox.url,
        FINTECTURE_APP_ID: APP_ID,
        FINTECTURE_APP_SECRET: APP_SECRET,
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: sessionSecret,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DIST_DIR: join(ROOT, 'dist'),
        LOG_LEVEL: 'warn',
        ...options.env,
      };
      const output = { text: '' };
      let current: ServerProcess | undefined;
      const replica: Replica = {
        name,
        port,
        url: `http://127.0.0.1:${port}`,
        pid: () => (replica.running() ? current?.child.pid : undefined),
        running: () =>
          current !== undefined &&
          current.child.exitCode === null &&
          current.child.signalCode === null,
        kill: () => stopServer(current, 'SIGKILL'),
        stop: () => stopServer(current, 'SIGTERM'),
        pause: () => void current?.child.kill('SIGSTOP'),
        resume: () => void current?.child.kill('SIGCONT'),
        async start() {
          if (replica.running()) throw new Error(`replica ${name} is already running`);
          current = await startServer(
            `replica ${name}`,
            join('server', 'proxy', 'main.ts'),
            env,
            /ready: open (http:\/\/\S+?)\/? in your browser/,
            output,
          );
        },
        rssMb: () => rssMb(replica.pid()),
        output: () => output.text,
      };
      cleanups.push(() => replica.kill());
      replicas.push(replica);
    }
    await Promise.all(replicas.map((replica) => replica.start()));

    const basic = `Basic ${Buffer.from(`${APP_ID}:${APP_SECRET}`).toString('base64')}`;
    const control = sandboxControl(sandbox.url, basic);

    const upstreamCustomers = async (): Promise<{ id: string; email: string }[]> => {
      const token = await fetch(`${sandbox.url}/oauth/accesstoken`, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=customers',
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const customers: { id: string; email: string }[] = [];
      for (let page = 1; ; page += 1) {
        const reply = await fetch(
          `${sandbox.url}/v1/customers?page[number]=${page}&page[size]=100`,
          { headers: { authorization: `Bearer ${accessToken}` } },
        );
        const { data, meta } = (await reply.json()) as {
          data: { id: string; email: string }[];
          meta: { count: number };
        };
        customers.push(...data.map(({ id, email }) => ({ id, email })));
        if (data.length === 0 || customers.length >= meta.count) return customers;
      }
    };
    const upstreamCustomerIds = async (): Promise<string[]> =>
      (await upstreamCustomers()).map((customer) => customer.id);

    return {
      databaseUrl,
      sandboxUrl: sandbox.url,
      replicas,
      store,
      async addAccount(username, password, role = 'agent') {
        await store.accounts.create(
          { username, role, passwordHash: await hashPassword(password) },
          Date.now(),
        );
      },
      control,
      upstreamCustomerIds,
      upstreamCustomers,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * An agent's browser behind the load balancer: one session cookie, sent to
 * whichever replica it is pointed at, with the anti-forgery header and that
 * replica's Origin on writes, from a client address of its own (X-Forwarded-For,
 * believed when the replicas run with TRUST_PROXY=127.0.0.1).
 */
export class ReplicaAgent {
  cookie: string | undefined;

  constructor(readonly clientAddress = '127.0.0.1') {}

  async fetch(
    replica: Pick<Replica, 'url'>,
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = {
      'x-forwarded-for': this.clientAddress,
      ...init.headers,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && method !== 'HEAD') {
      headers.origin = replica.url;
      headers['x-csrf'] = '1';
    }
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${replica.url}${path}`, {
      method,
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      redirect: 'manual',
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  signIn(replica: Pick<Replica, 'url'>, account: { username: string; password: string }) {
    return this.fetch(replica, '/auth/login', { method: 'POST', json: account });
  }
}
