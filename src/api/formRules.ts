import { z } from 'zod';

/**
 * A text field within the limits the contract states (read from openapi/rules.ts,
 * never typed again), trimmed, with the messages an agent reads.
 */
export function textWithin(
  rule: { readonly minLength?: number; readonly maxLength: number },
  emptyMessage?: string,
) {
  const text = z.string().trim();
  return (emptyMessage ? text.min(rule.minLength ?? 1, emptyMessage) : text).max(
    rule.maxLength,
    `At most ${rule.maxLength} characters`,
  );
}
