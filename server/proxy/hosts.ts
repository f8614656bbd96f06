import type { Server } from 'node:http';

/** `localhost`, `127.x.x.x` and `::1`: the names a DNS-rebinding page can never make a browser send. */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/** The listening address HOST names is loopback (so no PUBLIC_URL is needed). */
export function isLoopbackListenAddress(host: string): boolean {
  return isLoopbackName(host) || /^::ffff:127\./i.test(host);
}

/** The port the server listens on, once it listens (tests listen on port 0). */
export function listeningPort(server: Server): number | undefined {
  const address = server.address();
  return address !== null && typeof address === 'object' ? address.port : undefined;
}

/** `host:port` as a Host header names it: IPv6 in brackets, IPv4-mapped IPv6 as IPv4. */
export function hostHeaderOf(address: string, port: number): string {
  const plain = address.replace(/^::ffff:(?=\d+\.)/i, '');
  return plain.includes(':') ? `[${plain}]:${port}` : `${plain}:${port}`;
}

/** Splits a Host header value into a lower-case name and a port; undefined when malformed. */
export function parseHost(host: string): { name: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  if (!match) return undefined;
  return {
    name: match[1]!.toLowerCase(),
    port: match[2] === undefined ? undefined : Number(match[2]),
  };
}

/**
 * With PUBLIC_URL unset: a loopback name on the listening port (a bare name
 * only when that port is 80).
 */
export function isLoopbackHostOfPort(host: string, port: number | undefined): boolean {
  const parsed = parseHost(host);
  if (!parsed || port === undefined || !isLoopbackName(parsed.name)) return false;
  return (parsed.port ?? 80) === port;
}

/** The address:port a connection arrived on, as a Host header would name it. */
export function arrivalHost(socket: {
  localAddress?: string | undefined;
  localPort?: number | undefined;
}): string | undefined {
  return socket.localAddress && socket.localPort
    ? hostHeaderOf(socket.localAddress, socket.localPort)
    : undefined;
}
