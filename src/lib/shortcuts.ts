/**
 * The dashboard's keyboard shortcuts, as pure logic: which key press does
 * what, given where the agent is typing and whether a dialog is open. The
 * key, not the physical key, is read, so `/` and `?` work on every layout
 * (Shift+: and Shift+, on a French one).
 */

/** A key press as a keydown event gives it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type ShortcutAction = 'search' | 'newCustomer' | 'customers' | 'verifications' | 'help';

/** Where the key was pressed. */
export interface ShortcutContext {
  /** In an input, a text area, a select or editable content: there a key is a character. */
  typingInField: boolean;
  /** A dialog is open: its keys are its own (Escape closes it). */
  dialogOpen: boolean;
  /** Only agents create customers; for a viewer `n` does nothing. */
  canCreate: boolean;
}

/** How long after `g` its second key still counts. */
export const SEQUENCE_MS = 1500;

/** The shortcuts as the help dialog lists them, in order; `agentsOnly` ones are left out for viewers. */
export const SHORTCUTS = [
  { keys: ['/'], action: 'search', agentsOnly: false },
  { keys: ['n'], action: 'newCustomer', agentsOnly: true },
  { keys: ['g', 'c'], action: 'customers', agentsOnly: false },
  { keys: ['g', 'v'], action: 'verifications', agentsOnly: false },
  { keys: ['?'], action: 'help', agentsOnly: false },
] as const satisfies readonly {
  keys: readonly string[];
  action: ShortcutAction;
  agentsOnly: boolean;
}[];

const NOT_TYPED_INTO = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Where the agent is typing: there `/` is a character, not a shortcut. */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (element.isContentEditable === true) return true;
  if (element.tagName === 'INPUT')
    // A checkbox, a radio, a switch or a button takes no typed text: shortcuts still work there.
    return !(typeof element.type === 'string' && NOT_TYPED_INTO.has(element.type.toLowerCase()));
  return element.tagName === 'TEXTAREA' || element.tagName === 'SELECT';
}

/** What a key press does, and when a `g` sequence started (null: none under way). */
export interface ShortcutResult {
  action?: ShortcutAction;
  gSince: number | null;
}

/**
 * Reads one key press. `gSince` is when `g` was pressed, if it was (the
 * caller keeps it between presses); `now` the press's time in milliseconds.
 * Ctrl+K (Cmd+K on a Mac) focuses the search even from a field; every other
 * shortcut is a plain key, ignored in fields and with Ctrl, Cmd or Alt held.
 * Nothing fires while a dialog is open.
 */
export function readShortcut(
  press: KeyPress,
  context: ShortcutContext,
  gSince: number | null,
  now: number,
): ShortcutResult {
  if (context.dialogOpen) return { gSince: null };
  if (press.altKey) return { gSince: null };
  if (press.ctrlKey || press.metaKey) {
    return press.key.toLowerCase() === 'k' ? { action: 'search', gSince: null } : { gSince: null };
  }
  if (context.typingInField) return { gSince: null };
  // Shift alone changes nothing (it only makes a modifier key event); no shortcut starts or ends on it.
  if (press.key === 'Shift') return { gSince };
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (gSince !== null && now - gSince <= SEQUENCE_MS) {
    if (key === 'c') return { action: 'customers', gSince: null };
    if (key === 'v') return { action: 'verifications', gSince: null };
    // Any other key ends the sequence, and is read on its own below.
  }
  switch (press.key) {
    case '/':
      return { action: 'search', gSince: null };
    case '?':
      return { action: 'help', gSince: null };
  }
  if (key === 'g') return { gSince: now };
  if (key === 'n' && context.canCreate) return { action: 'newCustomer', gSince: null };
  return { gSince: null };
}
