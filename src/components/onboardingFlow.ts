import { createContext, useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

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

/**
 * A create form in a dialog tells the dialog whether it holds typed input (to
 * ask before closing): as it changes (for the guard on leaving the page), and
 * as a live check read at the moment of closing, so an Escape pressed right
 * after a keystroke never beats the news.
 */
export interface DialogInput {
  report: (typed: boolean) => void;
  check: (typedNow: (() => boolean) | null) => void;
}
export const DialogInputContext = createContext<DialogInput | null>(null);

/**
 * Forgets the arrival's route state once `when` holds (it was acted on): said
 * once, so a reload or a step back to this page does not act on it again.
 */
export function useForgetArrival(when: boolean): void {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (when) void navigate(pathname + search, { replace: true, state: null });
  }, [when, navigate, pathname, search]);
}
