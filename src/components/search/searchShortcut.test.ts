import { describe, expect, it } from 'vitest';
import { isEditable, isSearchShortcut } from './searchShortcut';

const press = (
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('the global search shortcut', () => {
  it('is / when the agent is not typing in a field', () => {
    expect(isSearchShortcut(press('/'), false)).toBe(true);
    expect(isSearchShortcut(press('/'), true)).toBe(false);
  });

  it('is Ctrl+K or Cmd+K anywhere, even in a field, whatever the case', () => {
    expect(isSearchShortcut(press('k', { ctrlKey: true }), false)).toBe(true);
    expect(isSearchShortcut(press('K', { metaKey: true }), true)).toBe(true);
  });

  it('is not a plain k, Alt+K, Ctrl+/ or any other key', () => {
    expect(isSearchShortcut(press('k'), false)).toBe(false);
    expect(isSearchShortcut(press('k', { altKey: true, ctrlKey: true }), false)).toBe(false);
    expect(isSearchShortcut(press('/', { ctrlKey: true }), false)).toBe(false);
    expect(isSearchShortcut(press('/', { altKey: true }), false)).toBe(false);
    expect(isSearchShortcut(press('Enter'), false)).toBe(false);
  });

  it('knows where the agent types: inputs, text areas, selects and editable content', () => {
    expect(isEditable({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(
      true,
    );
    expect(isEditable({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
