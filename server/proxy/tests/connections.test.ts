import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../shared/env';
import { proxyConfigFromEnv } from '../config';
import { hostHeaderOf, isLoopbackHostOfPort, isLoopbackName, parseHost } from '../hosts';
import { clientKey, connectionSettings } from '../plugins/connectionLimits';

describe('the Host allow-list', () => {
  it('knows the loopback names and nothing that merely looks like one', () => {
    for (const name of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '[::1]', '::1']) {
      expect(isLoopbackName(name), name).toBe(true);
    }
    for (const name of ['127.0.0.1.evil.example', 'localhost.', '127.0.0.256', '0.0.0.0', '[::]']) {
      expect(isLoopbackName(name), name).toBe(false);
    }
  });

  it('takes a loopback Host only with the listening port (a bare name only on port 80)', () => {
    expect(isLoopbackHostOfPort('127.0.0.1:3000', 3000)).toBe(true);
    expect(isLoopbackHostOfPort('[::1]:3000', 3000)).toBe(true);
    expect(isLoopbackHostOfPort('localhost:3001', 3000)).toBe(false);
    expect(isLoopbackHostOfPort('localhost', 3000)).toBe(false);
    expect(isLoopbackHostOfPort('localhost', 80)).toBe(true);
    expect(isLoopbackHostOfPort('localhost:3000', undefined)).toBe(false);
    expect(parseHost('a b:1')).toBeUndefined();
    expect(parseHost('evil.example:3000@127.0.0.1')).toBeUndefined();
  });

  it('names an arrival address as a Host header would', () => {
    expect(hostHeaderOf('::ffff:10.0.0.5', 3000)).toBe('10.0.0.5:3000');
    expect(hostHeaderOf('fd00::5', 3000)).toBe('[fd00::5]:3000');
  });
});

describe('connection limits', () => {
  it('counts IPv4 clients by address and IPv6 clients by their /64', () => {
    expect(clientKey('::ffff:127.0.0.3')).toBe('127.0.0.3');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });

  it('has no per-client cap behind a balancer unless one is set, and longer keep-alive there', () => {
    const direct = connectionSettings(undefined, false);
    expect(direct).toMatchObject({ max: 1024, perClient: 128, keepAliveTimeoutMs: 5_000 });
    const balanced = connectionSettings({ max: 500 }, true);
    expect(balanced).toMatchObject({ max: 500, perClient: 500, keepAliveTimeoutMs: 72_000 });
    expect(connectionSettings({ perClient: 20 }, true).perClient).toBe(20);
  });

  it('reads MAX_CONNECTIONS and MAX_CONNECTIONS_PER_CLIENT, refusing a per-client cap over the total', () => {
    expect(proxyConfigFromEnv({}).proxy.connectionLimits).toEqual({ max: 1024 });
    expect(
      proxyConfigFromEnv({ MAX_CONNECTIONS: '200', MAX_CONNECTIONS_PER_CLIENT: '20' }).proxy
        .connectionLimits,
    ).toEqual({ max: 200, perClient: 20 });
    expect(() => proxyConfigFromEnv({ MAX_CONNECTIONS: '0' })).toThrow(ConfigError);
    expect(() =>
      proxyConfigFromEnv({ MAX_CONNECTIONS: '10', MAX_CONNECTIONS_PER_CLIENT: '11' }),
    ).toThrow('MAX_CONNECTIONS_PER_CLIENT');
  });
});
