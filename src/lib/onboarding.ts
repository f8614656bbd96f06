import { FINAL_VERIFICATION_STATUSES, statusLook } from './verificationStatus';

/** What the customer's onboarding needs next: the one action the agent is offered. */
export type OnboardingAction = 'add-bank-account' | 'start-verification' | 'restart-verification';

/** Where a verification stands, as far as the onboarding goes. */
export type VerificationStage = 'none' | 'open' | 'verified' | 'ended';

export interface OnboardingState {
  accountCount: number;
  /** The verification the onboarding rests on (a verified one, else an open one, else the newest). */
  verification?: { status?: string | null };
  stage: VerificationStage;
  /** Undefined once the customer is verified, or while a verification is open (nothing to do but wait). */
  next?: OnboardingAction;
}

const isVerified = (status: string | null | undefined) => statusLook(status).tone === 'verified';
const isFinal = (status: string | null | undefined) =>
  FINAL_VERIFICATION_STATUSES.has(status?.trim().toLowerCase() ?? '');

/**
 * Where the customer stands, from their accounts and verifications alone (so it
 * holds after a reload and for a customer created long ago), whatever order
 * the API lists them in: any verified verification makes them verified; else an
 * open one (pending, cancelled, any word not known to be final) is awaited;
 * else an ended one (unverified, failed) asks for a new start. No account yet
 * asks for one first: a verification matches the name against the holders.
 */
export function onboardingState(
  accounts: readonly unknown[],
  verifications: readonly { status?: string | null }[],
): OnboardingState {
  const accountCount = accounts.length;
  const verified = verifications.find((v) => isVerified(v.status));
  if (verified) return { accountCount, verification: verified, stage: 'verified' };
  const open = verifications.find((v) => !isFinal(v.status));
  if (open) return { accountCount, verification: open, stage: 'open' };
  const [ended] = verifications;
  if (ended)
    return { accountCount, verification: ended, stage: 'ended', next: 'restart-verification' };
  return {
    accountCount,
    stage: 'none',
    next: accountCount === 0 ? 'add-bank-account' : 'start-verification',
  };
}
