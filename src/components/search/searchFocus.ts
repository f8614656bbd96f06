import { useEffect } from 'react';
import { isEditable, isSearchShortcut } from './searchShortcut';

/** The search box's id, the same for the stand-in and the real one. */
export const SEARCH_INPUT_ID = 'global-search';

/**
 * What the agent did in the stand-in before the search's code arrived: the
 * real box takes it over, so no keystroke is lost.
 */
export const standIn = { text: '', focused: false };

/** `/` or Ctrl+K focuses the search box, whichever is on screen (the stand-in or the real one). */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event, isEditable(event.target))) return;
      const input = document.getElementById(SEARCH_INPUT_ID);
      if (!(input instanceof HTMLInputElement)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
