import type { CustomerIndex, VerificationTransition } from '../../store/index/types';

/**
 * Each verification a write moved to a final status (or to stale) becomes one
 * `verification_resolved` event, the SSE stream's source. The store gives a
 * transition to the one write that made it, so a resolution seen twice (the
 * watcher and an agent's read at once) is still announced once.
 */
export async function announceResolutions(
  index: CustomerIndex,
  transitions: readonly VerificationTransition[],
): Promise<void> {
  for (const { at, ...event } of transitions) {
    await index.appendEvent('verification_resolved', event, at);
  }
}
