import { describe, expect, it } from 'vitest';
import { onboardingState } from './onboarding';

const account = { id: 'a' };

describe('onboardingState', () => {
  it('asks for a bank account first, even before any verification', () => {
    expect(onboardingState([], [])).toEqual({
      accountCount: 0,
      stage: 'none',
      next: 'add-bank-account',
    });
  });

  it('asks for a verification once an account exists', () => {
    expect(onboardingState([account, account], [])).toMatchObject({
      accountCount: 2,
      stage: 'none',
      next: 'start-verification',
    });
  });

  it('waits while a verification is open, whatever word the API uses for it', () => {
    for (const status of ['pending', 'initiated', 'something-new', undefined])
      expect(onboardingState([account], [{ status }])).toEqual({
        accountCount: 1,
        verification: { status },
        stage: 'open',
      });
  });

  it('offers a new start after a failed, unverified or cancelled one', () => {
    for (const status of ['failed', 'unverified', 'cancelled'])
      expect(onboardingState([account], [{ status }])).toEqual({
        accountCount: 1,
        verification: { status },
        stage: 'ended',
        next: 'restart-verification',
      });
  });

  it('is done once any verification is verified, in whichever order they are listed', () => {
    const verified = { status: 'verified' };
    expect(onboardingState([account], [{ status: 'failed' }, verified])).toEqual({
      accountCount: 1,
      verification: verified,
      stage: 'verified',
    });
    expect(onboardingState([account], [{ status: 'success' }])).toMatchObject({
      stage: 'verified',
    });
  });

  it('prefers an open verification to an older failed one', () => {
    expect(onboardingState([account], [{ status: 'failed' }, { status: 'pending' }])).toMatchObject(
      { stage: 'open', verification: { status: 'pending' } },
    );
  });
});
