import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answerCache';
import type { UpstreamResponse } from './upstream';

const answer = (body: unknown, status = 200): UpstreamResponse => ({
  status,
  contentType: 'application/json',
  retryAfter: undefined,
  requestId: 'r',
  body: Buffer.from(JSON.stringify(body)),
});

describe('the answer cache', () => {
  it('makes one call for misses that arrive together, and keeps its answer', async () => {
    const cache = new AnswerCache();
    let calls = 0;
    let release!: (value: UpstreamResponse) => void;
    const load = () => {
      calls += 1;
      return new Promise<UpstreamResponse>((resolve) => (release = resolve));
    };
    const first = cache.get('k', load);
    const second = cache.get('k', load);
    release(answer({ data: [{ id: 'a' }] }));
    expect(await first).toBe(await second);
    expect(calls).toBe(1);
    await cache.get('k', load);
    expect(calls).toBe(1);
  });

  it('keeps neither a failure nor an answer listing nothing', async () => {
    const cache = new AnswerCache();
    for (const kept of [answer({ data: [] }), answer({}), answer({ data: [{ id: 'a' }] }, 503)]) {
      await cache.get('k', async () => kept);
      expect(cache.size).toBe(0);
    }
  });

  it('lets an answer go after its time, and the oldest first when full', async () => {
    let now = 0;
    const cache = new AnswerCache(() => now, 1_000, 2);
    const list = answer({ data: [{ id: 'a' }] });
    let calls = 0;
    const load = async () => {
      calls += 1;
      return list;
    };
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(cache.size).toBe(2);
    await cache.get('a', load);
    expect(calls).toBe(4);
    now = 1_000;
    await cache.get('c', load);
    expect(calls).toBe(5);
  });
});
