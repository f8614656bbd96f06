/** The search box's id, the same for the stand-in and the real one. */
export const SEARCH_INPUT_ID = 'global-search';

/**
 * What the agent did in the stand-in before the search's code arrived: the
 * real box takes it over, so no keystroke is lost.
 */
export const standIn = { text: '', focused: false };

/** Focuses the search box, whichever is on screen (the stand-in or the real one); false if none is. */
export function focusSearch(): boolean {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  return true;
}
