import { describe, expect, it } from 'vitest';
import { verificationReason } from './verificationReason';

const base = { stale: false, expectedName: 'Zoë Müller', holderCount: 2, score: undefined };

describe('why a verification ended as it did', () => {
  it('names the expected name and the best score of an unverified one', () => {
    expect(verificationReason({ ...base, status: 'unverified', score: '42%' })).toBe(
      "No holder name matched “Zoë Müller” closely enough: the best match scored 42%. Check the spelling, or whether the account is in someone else's name.",
    );
  });

  it('tells a failure for want of an account from a provider failure', () => {
    expect(verificationReason({ ...base, status: 'failed', holderCount: 0 })).toMatch(
      /^The customer has no bank account/,
    );
    expect(verificationReason({ ...base, status: 'failed' })).toMatch(
      /^The provider could not check the names/,
    );
  });

  it('reads a verified, a pending, a stale and an unknown status', () => {
    expect(verificationReason({ ...base, status: 'success', score: '97%' })).toBe(
      'A holder name matched “Zoë Müller” (97%).',
    );
    expect(verificationReason({ ...base, status: 'pending' })).toMatch(/not answered yet/);
    expect(verificationReason({ ...base, status: 'cancelled' })).toMatch(
      /^The customer cancelled at their bank\. They can still finish through the same link/,
    );
    expect(verificationReason({ ...base, status: 'pending', stale: true })).toMatch(
      /never answered in the 24 hours/,
    );
    expect(verificationReason({ ...base, status: 'on_hold' })).toMatch(/does not know/);
    // Polled like any status not final (isOpenVerificationStatus), and says so.
    expect(verificationReason({ ...base, status: 'on_hold' })).toMatch(/keeps checking/);
  });

  it('does without an expected name the index never learnt', () => {
    expect(verificationReason({ ...base, expectedName: null, status: 'unverified' })).toMatch(
      /^No holder name matched the expected name closely enough\. /,
    );
  });
});
