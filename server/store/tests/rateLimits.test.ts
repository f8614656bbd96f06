import { expect, it } from 'vitest';
import { contestAcrossProcesses } from '../testing/contest';
import { describeOnBothDialects } from '../testing/dialects';

const T0 = Date.UTC(2026, 0, 5, 9);
const MINUTE = 60_000;

describeOnBothDialects('rate-limit counters', ({ newDatabase, open }) => {
  it('counts hits in a window, starts again when it ends, and resets on demand', async () => {
    const store = await open();
    const key = 'sign-in:user:ines';
    expect(await store.rateLimits.hit(key, MINUTE, T0)).toEqual({ count: 1, resetAt: T0 + MINUTE });
    expect(await store.rateLimits.hit(key, MINUTE, T0 + 1)).toEqual({
      count: 2,
      resetAt: T0 + MINUTE,
    });
    expect(await store.rateLimits.hit('sign-in:ip:192.0.2.7', MINUTE, T0 + 1)).toMatchObject({
      count: 1,
    });
    expect(await store.rateLimits.peek(key, T0 + 2)).toBe(2);
    expect(await store.rateLimits.hit(key, MINUTE, T0 + MINUTE)).toEqual({
      count: 1,
      resetAt: T0 + 2 * MINUTE,
    });
    await store.rateLimits.reset(key);
    expect(await store.rateLimits.peek(key, T0 + MINUTE)).toBe(0);
    expect(await store.rateLimits.peek('sign-in:ip:192.0.2.7', T0 + MINUTE + 1)).toBe(0);
  });

  it('never loses or repeats a count when replicas hit one counter at once', async () => {
    const options = await newDatabase();
    await open(options);
    const contest = {
      action: 'hit',
      key: 'sign-in:user:ines',
      windowMs: MINUTE,
      now: T0,
      times: 25,
    } as const;
    const counts = (await contestAcrossProcesses<number>(options, contest, 2)).flat();
    expect(counts.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
  });
});
