import { afterAll, describe, expect, it } from 'vitest';
import {
  closeSockets,
  openIdleSocket,
  openIdleSockets,
  waitUntil,
  type HeldSocket,
} from '../server/testing/flood';
import { startStack } from '../server/testing/stack';

/**
 * Idle and half-open connections (issue 9, item 7) are cut by the server's own
 * timeouts, far below Node's defaults. A file of its own: each case starts its
 * own stack with short timeouts, away from the connection-cap floods.
 */
const opened: HeldSocket[] = [];
afterAll(() => closeSockets(opened));

describe('idle timeouts', () => {
  it('closes a connection that never sends a request once the header timeout passes', async () => {
    const quick = await startStack({ proxy: { connectionLimits: { headersTimeoutMs: 1_000 } } });
    try {
      const idle = await openIdleSockets(quick.url, 5, '127.0.0.8');
      opened.push(...idle);
      // Closed by the server within a few header timeouts, far below Node's default minute.
      expect(await waitUntil(() => idle.every((s) => s.closed), 8_000)).toBe(true);
    } finally {
      closeSockets(opened);
      await quick.close();
    }
  });

  it('closes a kept-alive connection left idle after its answer', async () => {
    const quick = await startStack({ proxy: { connectionLimits: { keepAliveTimeoutMs: 500 } } });
    try {
      const held = await openIdleSocket(quick.url, '127.0.0.9');
      opened.push(held);
      const port = new URL(quick.url).port;
      let answered = false;
      held.socket.on('data', () => (answered = true));
      held.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      expect(await waitUntil(() => answered, 2_000)).toBe(true);
      expect(await waitUntil(() => held.closed, 3_000)).toBe(true);
    } finally {
      closeSockets(opened);
      await quick.close();
    }
  });
});
