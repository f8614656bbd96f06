import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox } from '../../../testing/stack';
import { TEST_APP_ID, TEST_APP_SECRET } from '../../../sandbox/testing';
import { UpstreamBudget } from '../../index/budget';
import {
  IndexCallRefused,
  MAX_MALFORMED_IN_A_ROW,
  PacedUpstream,
  type WaitNotice,
} from '../../index/pacedUpstream';
import { UpstreamClient } from '../../upstream';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.sandbox.close());

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${TEST_APP_ID}:${TEST_APP_SECRET}`).toString('base64')}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

it('refuses a target whose answer is cut off every time, after a few tries, instead of waiting on it forever', async () => {
  const upstream = new UpstreamClient({
    baseUrl: sandbox.url,
    appId: TEST_APP_ID,
    appSecret: TEST_APP_SECRET,
  });
  const notices: WaitNotice[] = [];
  const paced = new PacedUpstream(upstream, new UpstreamBudget(50), Date.now, (notice) =>
    notices.push(notice),
  );
  // Until cleared: every list answer is cut in half.
  expect(
    (await control('PUT', '/_sandbox/faults', { operation: 'listAllCustomers', malformed: true }))
      .status,
  ).toBe(200);
  await control('DELETE', '/_sandbox/stats');
  try {
    const refused = await paced.get('/v1/customers?page[size]=1', AbortSignal.timeout(30_000)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(IndexCallRefused);
    expect((refused as IndexCallRefused).message).toMatch(/malformed JSON, 3 times in a row/);
    const stats = (await (await control('GET', '/_sandbox/stats')).json()) as {
      operations: Record<string, number>;
    };
    expect(stats.operations.listAllCustomers).toBe(MAX_MALFORMED_IN_A_ROW);
    // Each cut-off answer was waited out before the next try, and said so.
    expect(notices.filter((notice) => notice?.reason.includes('malformed'))).toHaveLength(
      MAX_MALFORMED_IN_A_ROW - 1,
    );
  } finally {
    await control('DELETE', '/_sandbox/faults');
  }

  // Once the answers are whole again, the same target is read as usual.
  expect(await paced.get('/v1/customers?page[size]=1', AbortSignal.timeout(10_000))).toMatchObject({
    data: [],
    meta: { count: 0 },
  });
});
