import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../server/testing/clock';
import { sandboxStats, startStack, type Stack } from '../server/testing/stack';

/**
 * A cheap /readyz (issue 9, item 6): 50 concurrent anonymous probes against a
 * failing token endpoint made 25 upstream token requests, and failures were not
 * remembered.
 */
const clock = manualClock();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ proxy: { now: clock.now } });
});
afterAll(async () => stack.close());

const probes = (count: number) =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const reply = await fetch(`${stack.url}/readyz`);
      return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
    }),
  );

describe('/readyz against a failing token endpoint', () => {
  it('asks the upstream at most once per window, however many probes come', async () => {
    expect(
      (await stack.control('PUT', '/_sandbox/faults', { operation: 'getAccessToken', status: 503 }))
        .status,
    ).toBeLessThan(300);
    await stack.control('DELETE', '/_sandbox/stats');

    const first = await probes(50);
    expect(first.map((probe) => probe.status)).toEqual(Array(50).fill(503));
    expect((await sandboxStats(stack)).getAccessToken ?? 0).toBeLessThanOrEqual(1);
    expect(first[0]!.body).toMatchObject({
      status: 'not_ready',
      checks: { token: { ok: false, message: expect.any(String) as unknown } },
    });

    // Still within the window: the failure is remembered, nothing more is asked.
    clock.advance(2_000);
    await probes(50);
    expect((await sandboxStats(stack)).getAccessToken ?? 0).toBeLessThanOrEqual(1);

    // After it: one more question, for all of them.
    clock.advance(10_000);
    const later = await probes(50);
    expect(later.map((probe) => probe.status)).toEqual(Array(50).fill(503));
    expect((await sandboxStats(stack)).getAccessToken ?? 0).toBeLessThanOrEqual(2);

    // Once the endpoint recovers, the next window says ready.
    await stack.control('DELETE', '/_sandbox/faults');
    clock.advance(10_000);
    const recovered = await probes(50);
    expect(recovered.map((probe) => probe.status)).toEqual(Array(50).fill(200));
    expect(recovered[0]!.body).toEqual({ status: 'ready' });
    expect((await sandboxStats(stack)).getAccessToken ?? 0).toBeLessThanOrEqual(3);
  });
});
