import { describe, expect, it } from 'vitest';
import { pollInterval } from './verifications';

describe('polling open verifications', () => {
  it('polls while one is pending, slower when hidden, and stops when none is open', () => {
    expect(pollInterval([{ status: 'pending' }, { status: 'verified' }], false)).toBe(2000);
    expect(pollInterval([{ status: 'pending' }], true)).toBe(15000);
    expect(pollInterval([{ status: 'failed' }], false)).toBe(false);
    expect(pollInterval([], false)).toBe(false);
    expect(pollInterval(undefined, false)).toBe(false);
  });

  it("keeps polling while a status is not final, whatever its word (Fintecture's, or unknown)", () => {
    for (const status of ['initiated', 'cancelled', 'awaiting_bank', 'PENDING', '', null]) {
      expect(pollInterval([{ status }, { status: 'verified' }], false)).toBe(2000);
    }
    expect(pollInterval([{}], false)).toBe(2000);
  });

  it("stops once every one is final, this API's words or Fintecture's", () => {
    expect(
      pollInterval(
        [
          { status: 'verified' },
          { status: 'unverified' },
          { status: 'failed' },
          { status: 'success' },
          { status: ' Success ' },
        ],
        false,
      ),
    ).toBe(false);
  });
});
