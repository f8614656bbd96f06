import { describe, expect, it } from 'vitest';
import {
  FINAL_VERIFICATION_STATUSES,
  hasResolved,
  isOpenVerificationStatus,
  statusLook,
} from './verificationStatus';

describe('how a verification status reads', () => {
  it("reads this API's statuses in its own words", () => {
    expect(statusLook('pending')).toEqual({ tone: 'pending', label: 'Pending' });
    expect(statusLook('verified')).toEqual({ tone: 'verified', label: 'Verified' });
    expect(statusLook('unverified')).toEqual({ tone: 'unverified', label: 'Unverified' });
    expect(statusLook('failed')).toEqual({ tone: 'failed', label: 'Failed' });
    expect(statusLook('cancelled')).toEqual({ tone: 'cancelled', label: 'Cancelled' });
  });

  it('keeps a cancelled verification apart from a pending one, and open', () => {
    expect(statusLook('Cancelled')).toEqual({ tone: 'cancelled', label: 'Cancelled' });
    expect(statusLook('cancelled').tone).not.toBe(statusLook('pending').tone);
    expect(isOpenVerificationStatus('cancelled')).toBe(true);
  });

  it('shows a pending verification no longer watched as stale', () => {
    expect(statusLook('pending', true)).toEqual({ tone: 'stale', label: 'Stale' });
  });

  it('reads a customer never verified as "Not verified"', () => {
    expect(statusLook(null)).toEqual({ tone: 'none', label: 'Not verified' });
    expect(statusLook(undefined)).toEqual({ tone: 'none', label: 'Not verified' });
    expect(statusLook('  ')).toEqual({ tone: 'none', label: 'Not verified' });
  });

  it("gives Fintecture's own words the tone they share, keeping the word", () => {
    expect(statusLook('initiated')).toEqual({ tone: 'pending', label: 'Initiated' });
    expect(statusLook('success')).toEqual({ tone: 'verified', label: 'Success' });
    expect(statusLook('Success')).toEqual({ tone: 'verified', label: 'Success' });
    expect(statusLook('VERIFIED')).toEqual({ tone: 'verified', label: 'Verified' });
  });

  it('shows an unknown status neutrally, as it is', () => {
    expect(statusLook('under_review')).toEqual({ tone: 'other', label: 'under_review' });
    // A word that names an Object.prototype member is no status either.
    expect(statusLook('constructor')).toEqual({ tone: 'other', label: 'constructor' });
  });
});

describe('which verification statuses are still open', () => {
  it('has the final statuses the server stops watching at (server/store/index/types.ts)', () => {
    expect([...FINAL_VERIFICATION_STATUSES].sort()).toEqual([
      'failed',
      'success',
      'unverified',
      'verified',
    ]);
  });

  it("is closed at this API's and Fintecture's final words, whatever their case", () => {
    for (const status of ['verified', 'unverified', 'failed', 'success', 'Success', ' FAILED ']) {
      expect(isOpenVerificationStatus(status)).toBe(false);
    }
  });

  it('is open at any other word, and when there is none', () => {
    for (const status of [
      'pending',
      'initiated',
      'cancelled',
      'something_new',
      '',
      null,
      undefined,
    ]) {
      expect(isOpenVerificationStatus(status)).toBe(true);
    }
  });
});

describe('when a verification resolved before the agent', () => {
  it('resolved when seen open (any word) and final now', () => {
    expect(hasResolved({ status: 'pending' }, 'verified')).toBe(true);
    expect(hasResolved({ status: 'initiated' }, 'success')).toBe(true);
    expect(hasResolved({ status: 'awaiting_bank' }, 'failed')).toBe(true);
    expect(hasResolved({}, 'unverified')).toBe(true);
  });

  it('did not resolve when still open, already final, or not seen before', () => {
    expect(hasResolved({ status: 'pending' }, 'cancelled')).toBe(false);
    expect(hasResolved({ status: 'pending' }, 'something_new')).toBe(false);
    expect(hasResolved({ status: 'verified' }, 'verified')).toBe(false);
    expect(hasResolved(undefined, 'verified')).toBe(false);
  });
});
