/** The keys that focus the global search, as a keydown event gives them. */
export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Where the agent is typing: there `/` is a character, not a shortcut. */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  return (
    typeof element.tagName === 'string' && ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
  );
}

/**
 * Ctrl+K (Cmd+K on a Mac) anywhere, or `/` when not typing in a field. The
 * key, not the physical key, is read, so `/` works on every keyboard layout
 * (Shift+: on a French one).
 */
export function isSearchShortcut(event: ShortcutKey, typingInField: boolean): boolean {
  if (event.altKey) return false;
  const modifier = event.ctrlKey || event.metaKey;
  if (modifier) return event.key.toLowerCase() === 'k';
  return event.key === '/' && !typingInField;
}
