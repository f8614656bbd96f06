import { t, type MessageId } from './i18n';
/**
 * How a verification status reads. The index passes statuses on as the
 * Customers API gives them, and other API versions (Fintecture's own) use
 * other words, so any string is taken and none makes the dashboard fail.
 */
export type StatusTone =
  'pending' | 'cancelled' | 'verified' | 'unverified' | 'failed' | 'stale' | 'none' | 'other';

/**
 * This API's words, and Fintecture's for the same states. `cancelled` (the
 * customer gave up at their bank) is its own state, not final: they may still
 * finish through the same link.
 */
const TONE_OF = new Map<string, StatusTone>(
  Object.entries({
    pending: 'pending',
    initiated: 'pending',
    cancelled: 'cancelled',
    verified: 'verified',
    success: 'verified',
    unverified: 'unverified',
    failed: 'failed',
  }),
);

/** The English words, the ids of their translations. */
const LABEL_OF: Partial<Record<StatusTone, MessageId>> = {
  pending: 'Pending',
  cancelled: 'Cancelled',
  verified: 'Verified',
  unverified: 'Unverified',
  failed: 'Failed',
  stale: 'Stale',
  none: 'Not verified',
};

export interface StatusLook {
  tone: StatusTone;
  label: string;
}

/**
 * A status's tone and label. `stale` (still pending after 24 hours of
 * watching) overrides the status; null or undefined is a customer never
 * verified; an unknown word shows as it is.
 */
export function statusLook(status: string | null | undefined, stale = false): StatusLook {
  if (stale) return { tone: 'stale', label: t(LABEL_OF.stale!) };
  const word = status?.trim() ?? '';
  if (!word) return { tone: 'none', label: t(LABEL_OF.none!) };
  const tone = TONE_OF.get(word.toLowerCase()) ?? 'other';
  if (tone === 'other') return { tone, label: word };
  // This API's own words read as ours; another API's keep their word, in the tone it shares.
  return { tone, label: tone === word.toLowerCase() ? t(LABEL_OF[tone]!) : capitalized(word) };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The statuses after which a verification never changes: this API's
 * `verified`, `unverified`, `failed`, and Fintecture's `success` (its
 * `failed` too; `initiated` and `cancelled` are intermediate, per Fintecture's
 * docs, "Verify a Customer"). The dashboard's one definition, the same as the
 * server's FINAL_VERIFICATION_STATUSES (server/store/index/types.ts).
 */
export const FINAL_VERIFICATION_STATUSES: ReadonlySet<string> = new Set([
  'verified',
  'unverified',
  'failed',
  'success',
]);

/**
 * Whether a verification may still change, so it is polled and counted as in
 * progress: any status not known to be final, whatever its word (`pending`,
 * Fintecture's `initiated` or `cancelled`, one never seen) or none at all.
 */
export function isOpenVerificationStatus(status: string | null | undefined): boolean {
  return !FINAL_VERIFICATION_STATUSES.has(status?.trim().toLowerCase() ?? '');
}

/**
 * Whether a verification resolved between two looks at it: it was seen open,
 * and is final now. `before` is undefined when it was not seen before (a
 * verification first seen final did not resolve before the agent's eyes).
 */
export function hasResolved(
  before: { status?: string | null } | undefined,
  status: string | null | undefined,
): boolean {
  return (
    before !== undefined &&
    isOpenVerificationStatus(before.status) &&
    !isOpenVerificationStatus(status)
  );
}
