import { describe, expect, it } from 'vitest';
import { pollInterval } from './verifications';

describe('polling pending verifications', () => {
  it('polls while one is pending, slower when hidden, and stops when none is', () => {
    expect(pollInterval([{ status: 'pending' }, { status: 'verified' }], false)).toBe(2000);
    expect(pollInterval([{ status: 'pending' }], true)).toBe(15000);
    expect(pollInterval([{ status: 'failed' }], false)).toBe(false);
    expect(pollInterval(undefined, false)).toBe(false);
  });
});
