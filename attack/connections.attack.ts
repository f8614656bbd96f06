import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSockets,
  medianGetMs,
  openIdleSocket,
  openIdleSockets,
  timedGet,
  waitUntil,
  type HeldSocket,
} from '../server/testing/flood';
import { startStack, type Stack } from '../server/testing/stack';

/**
 * Half-open and idle connections (issue 9, item 7): ~21,000 idle sockets from two
 * addresses once reached the open-file limit and shut everyone out.
 */
const PER_CLIENT = 40;
const TOTAL = 120;

let stack: Stack;
const opened: HeldSocket[] = [];
beforeAll(async () => {
  stack = await startStack({
    proxy: { connectionLimits: { max: TOTAL, perClient: PER_CLIENT } },
  });
});
afterAll(async () => {
  closeSockets(opened);
  await stack.close();
});

describe('connection limits', () => {
  it('refuses one address past its cap at once, while /healthz answers another address quickly', async () => {
    const baseline = await medianGetMs(stack.url, '/healthz', '127.0.0.2');

    const flood = await openIdleSockets(stack.url, PER_CLIENT + 10, '127.0.0.3');
    opened.push(...flood);
    // The ten past the cap are closed by the server, without waiting for any timeout.
    expect(await waitUntil(() => flood.filter((s) => s.closed).length >= 10, 5_000)).toBe(true);
    expect(flood.slice(0, PER_CLIENT).every((s) => !s.closed)).toBe(true);
    const further = await openIdleSocket(stack.url, '127.0.0.3');
    opened.push(further);
    expect(await waitUntil(() => further.closed, 2_000)).toBe(true);
    const refusedRequest = await timedGet(stack.url, '/healthz', '127.0.0.3');
    expect(refusedRequest.status).toBe(0);

    const underFlood: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const reply = await timedGet(stack.url, '/healthz', '127.0.0.2');
      expect(reply.status).toBe(200);
      underFlood.push(reply.ms);
    }
    underFlood.sort((a, b) => a - b);
    const median = underFlood[7]!;
    // Within 3x of the same run's unloaded median (plus 2 ms for timer granularity).
    expect(median).toBeLessThan(baseline * 3 + 2);

    closeSockets(flood);
    closeSockets([further]);
    // The address gets its connections back once its sockets are gone.
    expect(await waitUntil(() => flood.every((s) => s.closed) && further.closed, 2_000)).toBe(true);
    await expect
      .poll(async () => (await timedGet(stack.url, '/healthz', '127.0.0.3')).status, {
        timeout: 3_000,
      })
      .toBe(200);
  });

  it('caps the total: past it, a connection from any address is closed at once', async () => {
    const sockets: HeldSocket[] = [];
    for (const address of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) {
      sockets.push(...(await openIdleSockets(stack.url, PER_CLIENT, address)));
    }
    opened.push(...sockets);
    expect(sockets.filter((s) => s.closed)).toHaveLength(0);
    const past = await openIdleSocket(stack.url, '127.0.0.7');
    opened.push(past);
    expect(await waitUntil(() => past.closed, 2_000)).toBe(true);
    closeSockets(sockets);
    closeSockets([past]);
    await expect
      .poll(async () => (await timedGet(stack.url, '/healthz', '127.0.0.7')).status, {
        timeout: 3_000,
      })
      .toBe(200);
  });
});
