import { spawn } from 'node:child_process';
import { connect as connectSocket } from 'node:net';
import { setPriority } from 'node:os';

/**
 * Attack support: anonymous connections that keep sending one large body, from
 * a child process (so the attacker's own work does not share the server's event
 * loop), bounded in time and count, stopping by themselves. Loopback only.
 */
export interface FloodOptions {
  /** The server under attack: an http://127.x.x.x:port URL. */
  url: string;
  /** Open at once; each sends its next request when the last one ended. */
  connections: number;
  /** Sent as each request's body, with its exact Content-Length. */
  body: Buffer;
  /** Taken in turn by each connection. */
  targets: readonly { method?: string; path: string; headers?: Record<string, string> }[];
  /** The flood ends by itself after this long, or this many requests, whichever first. */
  maxMs: number;
  maxRequests: number;
  /** Another loopback address to send from, e.g. 127.0.0.2. */
  localAddress?: string;
}

export interface FloodReport {
  requests: number;
  /** How the requests ended: an HTTP status, or how the connection went. */
  outcomes: Record<string, number>;
}

export interface Flood {
  /** Resolves once at least this many requests have ended. */
  started(requests: number): Promise<void>;
  stop(): Promise<FloodReport>;
}

// Plain JavaScript: the child process runs it with `node -e`.
const ATTACKER = `
const net = require('node:net');
process.once('message', ({ host, port, connections, body, targets, maxMs, maxRequests, localAddress }) => {
  const bytes = Buffer.from(body, 'base64');
  const endAt = Date.now() + maxMs;
  let stopped = false;
  let requests = 0;
  let ended = 0;
  const outcomes = {};
  process.on('message', (message) => { if (message === 'stop') stopped = true; });

  function send(target) {
    return new Promise((resolve) => {
      const socket = net.connect({ host, port, ...(localAddress ? { localAddress } : {}) });
      let head = '';
      let done = false;
      const end = (outcome) => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve(outcome);
      };
      socket.setTimeout(Math.max(1, endAt - Date.now()) + 1000, () => end('timeout'));
      socket.on('connect', () => {
        const headers = Object.entries(target.headers || {}).map(([k, v]) => k + ': ' + v + '\\r\\n').join('');
        socket.write((target.method || 'POST') + ' ' + target.path + ' HTTP/1.1\\r\\nhost: ' + host + ':' + port +
          '\\r\\n' + headers + 'content-length: ' + bytes.length + '\\r\\nconnection: close\\r\\n\\r\\n');
        socket.write(bytes);
      });
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        const status = /^HTTP\\/1\\.1 (\\d{3})/.exec(head);
        if (status && head.includes('\\r\\n\\r\\n')) end(status[1]);
      });
      // A server that answers and closes before the body is all sent: its answer may still be read.
      let failure = 'closed';
      socket.on('error', (error) => (failure = error.code || 'error'));
      socket.on('close', () => end(failure));
    });
  }

  async function connection(index) {
    let turn = index;
    while (!stopped && Date.now() < endAt && requests < maxRequests) {
      requests += 1;
      const outcome = await send(targets[turn % targets.length]);
      turn += 1;
      ended += 1;
      outcomes[outcome] = (outcomes[outcome] || 0) + 1;
      process.send({ kind: 'progress', requests: ended });
    }
  }

  Promise.all(Array.from({ length: connections }, (_, index) => connection(index))).then(() => {
    process.send({ kind: 'done', report: { requests: ended, outcomes } }, () => process.exit(0));
  });
});
`;

/**
 * Starts the flood in a child process at the lowest CPU priority: the attacker's
 * own work (writing megabytes, reconnecting) runs on the attacker's machine in
 * real life, so here it must not take the server's share of a shared CPU.
 */
export function startFlood(options: FloodOptions): Flood {
  const url = new URL(options.url);
  if (!url.hostname.startsWith('127.')) throw new Error('Floods target loopback addresses only.');
  if (options.localAddress && !options.localAddress.startsWith('127.')) {
    throw new Error('Floods come from loopback addresses only.');
  }
  const child = spawn(process.execPath, ['-e', ATTACKER], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    setPriority(child.pid!, 19);
  } catch {
    // Not permitted here: the flood still runs, at the same priority.
  }
  child.send({
    host: url.hostname,
    port: Number(url.port),
    connections: options.connections,
    body: options.body.toString('base64'),
    targets: options.targets,
    maxMs: options.maxMs,
    maxRequests: options.maxRequests,
    localAddress: options.localAddress,
  });
  let ended = 0;
  const waiting: { requests: number; resolve: () => void }[] = [];
  const done = new Promise<FloodReport>((resolve, reject) => {
    child.on('message', (message: { kind: string; requests?: number; report?: FloodReport }) => {
      if (message.kind === 'progress') {
        ended = message.requests!;
        for (const wait of waiting.filter((entry) => entry.requests <= ended)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.resolve();
        }
      } else if (message.kind === 'done') {
        resolve(message.report!);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`The flood process ended with ${code}.`)));
  });
  return {
    started: (requests) =>
      new Promise<void>((resolve, reject) => {
        if (ended >= requests) return resolve();
        waiting.push({ requests, resolve });
        done.then(() => reject(new Error(`The flood ended after ${ended} requests.`)), reject);
      }),
    stop: async () => {
      if (child.connected) child.send('stop');
      return done;
    },
  };
}

/** The median of some durations, in ms. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How long each of `count` calls took, one after another, in ms. */
export async function timeEach(count: number, call: () => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await call();
    durations.push(performance.now() - start);
  }
  return durations;
}

/** Samples the process's resident memory until stopped; gives the highest seen, in bytes. */
export function sampleRss(everyMs = 20): { stop: () => number } {
  let highest = process.memoryUsage.rss();
  const timer = setInterval(() => {
    highest = Math.max(highest, process.memoryUsage.rss());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(highest, process.memoryUsage.rss());
    },
  };
}

/** `[[[…]]]` nested `depth` deep, padded or not. */
export function nestedArrays(depth: number): Buffer {
  return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);
}

/**
 * A request whose body is promised (Content-Length) but held back after its first
 * bytes: the answer proves the server did not wait for the body. Fails, rather
 * than hangs, when no answer comes within `timeoutMs`.
 */
export function requestWithHeldBody(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    contentLength: number;
    firstBytes: string;
    timeoutMs?: number;
  },
): Promise<{ status: number; headers: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectSocket({ host: hostname, port: Number(port) });
    let received = '';
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) return reject(error);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    };
    socket.setTimeout(options.timeoutMs ?? 5_000, () =>
      finish(new Error(`No answer while the body was held back: ${received || 'nothing'}`)),
    );
    socket.on('connect', () => {
      const headers = Object.entries(options.headers ?? {})
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(
        `${options.method ?? 'POST'} ${options.path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n${headers}` +
          `content-length: ${options.contentLength}\r\n\r\n${options.firstBytes}`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(received.slice(0, end))?.[1] ?? 0);
      if (Buffer.byteLength(received.slice(end + 4)) >= length) finish();
    });
    socket.on('error', (error) => finish(error));
  });
}
