import { statusLook } from './verificationStatus';
import { t } from './i18n';

/**
 * Why a verification ended as it did, in a sentence an agent can read to a
 * customer: the provider compares the expected name with the holder names of
 * the customer's bank accounts and keeps the best match's score.
 */
export function verificationReason({
  status,
  stale,
  expectedName,
  holderCount,
  score,
}: {
  status: string | null | undefined;
  stale: boolean;
  /** Null when the verification was not started through the back-office. */
  expectedName: string | null;
  holderCount: number;
  /** Already formatted, e.g. "42 %"; undefined when the provider gave none. */
  score: string | undefined;
}): string {
  const expected = expectedName ? t('“{name}”', { name: expectedName }) : t('the expected name');
  switch (statusLook(status, stale).tone) {
    case 'pending':
      return t('The provider has not answered yet; this page updates when it does.');
    case 'cancelled':
      return t(
        'The customer cancelled at their bank. They can still finish through the same link; this page keeps checking.',
      );
    case 'stale':
      return t(
        'The provider never answered in the 24 hours the back-office watched it. Start a new verification.',
      );
    case 'verified':
      return score
        ? t('A holder name matched {expected} ({score}).', { expected, score })
        : t('A holder name matched {expected}.', { expected });
    case 'unverified':
      return score
        ? t(
            "No holder name matched {expected} closely enough: the best match scored {score}. Check the spelling, or whether the account is in someone else's name.",
            { expected, score },
          )
        : t(
            "No holder name matched {expected} closely enough. Check the spelling, or whether the account is in someone else's name.",
            { expected },
          );
    case 'failed':
      return holderCount === 0
        ? t(
            'The customer has no bank account, so there was no holder name to compare. Add the account, then verify again.',
          )
        : t(
            'The provider could not check the names (no score). Try again, or through another provider.',
          );
    default:
      return t(
        'The provider gave a status this dashboard does not know; its own documentation says what it means. It is not final, so this page keeps checking for a change.',
      );
  }
}
