import { z } from 'zod';
import { t, type MessageId } from '../lib/i18n';

/** A message id for a field's rule, translated when the message is shown (the id is its English). */
export const msg = (id: MessageId) => id;

/**
 * A text field within the limits the contract states (read from openapi/rules.ts,
 * never typed again), trimmed, with the messages an agent reads.
 */
export function textWithin(
  rule: { readonly minLength?: number; readonly maxLength: number },
  /** A message id (see `msg`). */
  emptyMessage?: string,
) {
  const text = z.string().trim();
  // Messages as functions: worded when shown, in the language in use then.
  return (
    emptyMessage
      ? text.min(rule.minLength ?? 1, { error: () => t(emptyMessage as MessageId) })
      : text
  ).max(rule.maxLength, {
    error: () => t('At most {max} characters', { max: rule.maxLength }),
  });
}
