import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../server/testing/browser';
import { median, nestedArrays, sampleRss, startFlood, timeEach } from '../server/testing/bodyFlood';
import { sandboxStats, startSignedInStack, type Stack } from '../server/testing/stack';

/**
 * Trust before parse (issue 9, item 2): 1 MB of `[[[[…]]]]` took 0.10–0.15 s to
 * parse, anywhere, before anyone was known; eight anonymous connections sending
 * it stalled every agent and pushed memory to 681 MB.
 */
const MB = 1024 * 1024;
const NESTED_MB = nestedArrays(MB / 2 - 64);

let stack: Stack;
let agent: Browser;
beforeAll(async () => {
  ({ stack, agent } = await startSignedInStack());
});
afterAll(async () => stack.close());

const listCustomers = async () => {
  const reply = await agent.fetch('/api/v1/customers?page[size]=20');
  expect(reply.status).toBe(200);
  await reply.arrayBuffer();
};

describe('anonymous nested JSON', () => {
  const json = (origin: string) => ({
    'content-type': 'application/json',
    'x-csrf': '1',
    origin,
  });

  /** The list's p50 while eight anonymous connections send `body` to four paths, and the RSS growth. */
  const underFlood = async (body: Buffer) => {
    const rssBefore = process.memoryUsage.rss();
    const rss = sampleRss();
    const flood = startFlood({
      url: stack.url,
      connections: 8,
      body,
      targets: [
        { path: '/api/v1/customers', headers: json(stack.url) },
        { path: '/auth/login', headers: json(stack.url) },
        { path: '/no/such/path', headers: json(stack.url) },
        { path: '/auth/logout', headers: json(stack.url) },
      ],
      maxMs: 20_000,
      maxRequests: 4_000,
      localAddress: '127.0.0.2',
    });
    let p50: number;
    let report;
    try {
      await flood.started(16);
      p50 = median(await timeEach(30, listCustomers));
    } finally {
      report = await flood.stop();
    }
    return { p50, report, growth: rss.stop() - rssBefore };
  };

  it('does not slow a signed-in agent down nor grow memory, whatever path it is sent to', async () => {
    // Warm up, then the same run's baselines: unloaded, and under a flood of
    // flat bodies of the same size (the bytes alone cost the shared CPU something).
    await timeEach(10, listCustomers);
    const unloaded = median(await timeEach(30, listCustomers));
    const flat = await underFlood(Buffer.from(`["${'x'.repeat(NESTED_MB.length - 4)}"]`));
    const nested = await underFlood(NESTED_MB);
    console.info(
      `list p50 unloaded ${unloaded.toFixed(1)} ms, under a flat flood ${flat.p50.toFixed(1)} ms, ` +
        `under the nested flood ${nested.p50.toFixed(1)} ms; RSS growth ${(nested.growth / MB).toFixed(0)} MB; ` +
        `flood ${JSON.stringify(nested.report)}`,
    );
    expect(nested.report.requests).toBeGreaterThanOrEqual(16);
    // Parsed before trust, the nested flood took the list from ~4 ms to ~4 s: a
    // thousandfold. Held, it costs what the same bytes cost flat.
    expect(nested.p50).toBeLessThan(Math.max(unloaded, flat.p50) * 3);
    expect(nested.growth).toBeLessThan(128 * MB);
  });
});

describe("a signed-in agent's nested JSON", () => {
  const create = (body: Buffer | string) =>
    agent.fetch('/api/v1/customers', {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': 'application/json' },
    });

  it('is refused with 400 too_deep as fast as a flat body of the same size, and sent nowhere', async () => {
    const flat = Buffer.from(JSON.stringify({ first_name: 'x'.repeat(NESTED_MB.length - 20) }));
    const timeFlat = async () => (await create(flat)).arrayBuffer();
    await timeEach(2, timeFlat);
    const flatMs = median(await timeEach(5, timeFlat));

    await stack.control('DELETE', '/_sandbox/stats');
    let last: Response | undefined;
    const nestedMs = median(
      await timeEach(5, async () => {
        last = await create(NESTED_MB);
        await last.clone().arrayBuffer();
      }),
    );
    console.info(
      `1 MB create: flat p50 ${flatMs.toFixed(1)} ms, nested p50 ${nestedMs.toFixed(1)} ms`,
    );
    expect(last!.status).toBe(400);
    expect(await last!.json()).toMatchObject({ code: 'too_deep' });
    expect(await sandboxStats(stack)).toEqual({});
    expect(nestedMs).toBeLessThan(flatMs * 3);
  });

  it('passes at depth 64 and is refused at 65', async () => {
    const wrapped = (depth: number) =>
      `{"first_name":"Ada","last_name":"Deep","email":"ada@example.fr","note":${nestedArrays(depth - 1).toString()}}`;
    await stack.control('DELETE', '/_sandbox/stats');
    const deepest = await create(wrapped(64));
    // Whatever the API thinks of it, the proxy let it through.
    expect(((await deepest.json()) as { code?: string }).code).not.toBe('too_deep');
    expect(await sandboxStats(stack)).toEqual({ createCustomer: 1 });

    const tooDeep = await create(wrapped(65));
    expect(tooDeep.status).toBe(400);
    expect(await tooDeep.json()).toMatchObject({ code: 'too_deep' });
    // Brackets inside strings are text, not depth.
    const inStrings = await create(
      `{"first_name":"${'['.repeat(100)}","last_name":"\\"[[","email":"ada@example.fr"}`,
    );
    expect(((await inStrings.json()) as { code?: string }).code).not.toBe('too_deep');
    expect(await sandboxStats(stack)).toEqual({ createCustomer: 2 });
  });
});
