import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { median } from './bodyFlood';

/**
 * Attack support (attack/connections, host and held): raw sockets and timed
 * requests from chosen loopback source addresses (127.0.0.0/8 only), each
 * bounded in count and time.
 */

function target(baseUrl: string): { host: string; port: number } {
  const url = new URL(baseUrl);
  return { host: url.hostname, port: Number(url.port) };
}

function assertLoopback(address: string): void {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)) {
    throw new Error(`floods stay on 127.0.0.0/8, not ${address}`);
  }
}

/** A socket we opened, and whether the server has closed it (or refused it). */
export interface HeldSocket {
  socket: Socket;
  closed: boolean;
}

/** Opens one TCP connection from `localAddress` and sends nothing; resolves once connected or closed. */
export function openIdleSocket(baseUrl: string, localAddress = '127.0.0.1'): Promise<HeldSocket> {
  assertLoopback(localAddress);
  const { host, port } = target(baseUrl);
  assertLoopback(host);
  return new Promise((resolve) => {
    const held: HeldSocket = { socket: connect({ host, port, localAddress }), closed: false };
    held.socket.on('error', () => {});
    // Read (and drop) whatever comes: a paused socket never sees the server's FIN, so it
    // would never close, and "closed by the server" could not be observed.
    held.socket.resume();
    held.socket.on('close', () => {
      held.closed = true;
      resolve(held);
    });
    held.socket.on('connect', () => resolve(held));
  });
}

/** `count` idle connections from one address, opened one after another. */
export async function openIdleSockets(
  baseUrl: string,
  count: number,
  localAddress = '127.0.0.1',
): Promise<HeldSocket[]> {
  if (count > 5_000) throw new Error('floods are bounded: at most 5,000 sockets');
  const sockets: HeldSocket[] = [];
  for (let i = 0; i < count; i += 1) sockets.push(await openIdleSocket(baseUrl, localAddress));
  return sockets;
}

export function closeSockets(sockets: readonly HeldSocket[]): void {
  for (const held of sockets) held.socket.destroy();
}

/** Resolves true once `check` holds, false after `withinMs` (polled, never a fixed sleep). */
export function waitUntil(check: () => boolean, withinMs: number): Promise<boolean> {
  const started = performance.now();
  return new Promise((resolve) => {
    const poll = () => {
      if (check()) resolve(true);
      else if (performance.now() - started > withinMs) resolve(false);
      else setTimeout(poll, 10);
    };
    poll();
  });
}

/** One GET on a fresh connection from `localAddress`: status (0: refused or failed), time and body. */
export function timedGet(
  baseUrl: string,
  path: string,
  localAddress = '127.0.0.1',
  headers: Record<string, string> = {},
): Promise<{ status: number; ms: number; body: string }> {
  assertLoopback(localAddress);
  const { host, port } = target(baseUrl);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest(
      { host, port, path, localAddress, agent: false, headers, timeout: 10_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body }),
        );
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, body: '' }));
    req.end();
  });
}

/** The median of `runs` sequential timed GETs that must all answer 200: a baseline for the same run. */
export async function medianGetMs(
  baseUrl: string,
  path: string,
  localAddress = '127.0.0.1',
  runs = 15,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const { status, ms } = await timedGet(baseUrl, path, localAddress);
    if (status !== 200) throw new Error(`${path} from ${localAddress} answered ${status}`);
    times.push(ms);
  }
  return median(times);
}

/**
 * Sends raw bytes on one connection and collects what comes back until the server
 * closes it or `withinMs` passes: for requests no HTTP client would send.
 */
export function rawExchange(
  baseUrl: string,
  bytes: string | Buffer,
  withinMs = 5_000,
): Promise<{ text: string; closed: boolean }> {
  const { host, port } = target(baseUrl);
  assertLoopback(host);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let text = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed });
    };
    const timer = setTimeout(() => done(false), withinMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    socket.on('close', () => done(true));
    socket.write(bytes);
  });
}

/**
 * A slowloris: request headers one byte every `intervalMs`, never finished.
 * Resolves when the server cuts the connection (how long it held, what it
 * answered), or when the test gives up after `giveUpMs`.
 */
export function slowHeaders(
  baseUrl: string,
  { intervalMs, giveUpMs }: { intervalMs: number; giveUpMs: number },
): Promise<{ cut: boolean; heldMs: number; bytesSent: number; answer: string }> {
  const { host, port } = target(baseUrl);
  assertLoopback(host);
  const headers = `GET /healthz HTTP/1.1\r\nHost: ${host}:${port}\r\n${'X-Slow: a\r\n'.repeat(1000)}`;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const started = performance.now();
    let sent = 0;
    let answer = '';
    const finish = (cut: boolean) => {
      clearInterval(drip);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ cut, heldMs: performance.now() - started, bytesSent: sent, answer });
    };
    const drip = setInterval(() => {
      if (sent < headers.length && !socket.destroyed) socket.write(headers[sent++]!);
    }, intervalMs);
    const giveUp = setTimeout(() => finish(false), giveUpMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
  });
}
