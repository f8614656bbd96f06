import { createContext } from 'react';

/**
 * What a page is told by the step before it, in the route's state (so it holds
 * for that one arrival, not for a later visit or a shared link): open its
 * create dialog, or focus the onboarding's next action.
 */
export interface StepArrival {
  openDialog?: boolean;
  focusNextStep?: boolean;
}

export function stepArrival(state: unknown): StepArrival {
  if (typeof state !== 'object' || state === null) return {};
  const { openDialog, focusNextStep } = state as Record<string, unknown>;
  return { openDialog: openDialog === true, focusNextStep: focusNextStep === true };
}

/** A create form in a dialog tells the dialog whether it holds typed input (to ask before closing). */
export const DialogInputContext = createContext<((typed: boolean) => void) | null>(null);
