import { isOpenVerificationStatus, statusLook } from './verificationStatus';

/** A verification as far as the onboarding reads it. */
export interface Verification {
  status?: string | null;
  verified_at?: string;
}

/** What the customer's onboarding needs next: the one action the agent is offered. */
export type OnboardingAction = 'add-bank-account' | 'start-verification' | 'restart-verification';

/** Where a verification stands, as far as the onboarding goes. */
export type VerificationStage = 'none' | 'open' | 'verified' | 'ended';

export interface OnboardingState {
  accountCount: number;
  /** The verification the onboarding rests on (a verified one, else an open one, else the newest). */
  verification?: Verification;
  stage: VerificationStage;
  /** Undefined once the customer is verified, or while a verification is open (nothing to do but wait). */
  next?: OnboardingAction;
}

const isVerified = (status: string | null | undefined) => statusLook(status).tone === 'verified';
/** Ended for the onboarding: final, or cancelled (the customer gave up at their bank). */
const hasEnded = (status: string | null | undefined) =>
  !isOpenVerificationStatus(status) || statusLook(status).tone === 'cancelled';

/**
 * Where the customer stands, from their accounts and verifications alone (so it
 * holds after a reload and for a customer created long ago), whatever order
 * the API lists them in: any verified verification makes them verified; else an
 * open one (pending, any word not known to be final) is awaited; else an ended
 * one (unverified, failed, or cancelled: its link still works, but the
 * customer gave up) asks for a new start. No account yet
 * asks for one first: a verification matches the name against the holders.
 */
export function onboardingState(
  accounts: readonly unknown[],
  verifications: readonly Verification[],
): OnboardingState {
  const accountCount = accounts.length;
  const verified = verifications.find((v) => isVerified(v.status));
  if (verified) return { accountCount, verification: verified, stage: 'verified' };
  const open = verifications.find((v) => !hasEnded(v.status));
  if (open) return { accountCount, verification: open, stage: 'open' };
  // The one shown is the first listed: the API lists verifications newest first and gives no
  // start time to sort them by (only verified_at, for verified ones).
  const [ended] = verifications;
  if (ended)
    return { accountCount, verification: ended, stage: 'ended', next: 'restart-verification' };
  return {
    accountCount,
    stage: 'none',
    next: accountCount === 0 ? 'add-bank-account' : 'start-verification',
  };
}
