import { describe, expect, it } from 'vitest';
import {
  isEditable,
  readShortcut,
  SEQUENCE_MS,
  type KeyPress,
  type ShortcutContext,
} from './shortcuts';

const press = (
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

const onPage: ShortcutContext = { typingInField: false, dialogOpen: false, canCreate: true };
const inField: ShortcutContext = { ...onPage, typingInField: true };
const inDialog: ShortcutContext = { ...onPage, dialogOpen: true };
const asViewer: ShortcutContext = { ...onPage, canCreate: false };

/** The action of one key pressed with no sequence under way. */
const actionOf = (key: KeyPress, context = onPage) => readShortcut(key, context, null, 0).action;

/** The action of `g` then `second`, `after` milliseconds apart. */
function afterG(second: string, after = 200, context = onPage) {
  const g = readShortcut(press('g'), context, null, 1000);
  return readShortcut(press(second), context, g.gSince, 1000 + after);
}

describe('the keyboard shortcuts', () => {
  it('are / for the search, n for a new customer and ? for their list', () => {
    expect(actionOf(press('/'))).toBe('search');
    expect(actionOf(press('n'))).toBe('newCustomer');
    expect(actionOf(press('?'))).toBe('help');
    expect(actionOf(press('x'))).toBeUndefined();
    expect(actionOf(press('Enter'))).toBeUndefined();
  });

  it('go to the customers with g then c, to the verifications with g then v', () => {
    expect(afterG('c').action).toBe('customers');
    expect(afterG('v').action).toBe('verifications');
    expect(afterG('C').action).toBe('customers');
  });

  it('wait for the second key of g for 1.5 s, no longer', () => {
    expect(afterG('c', SEQUENCE_MS).action).toBe('customers');
    expect(afterG('c', SEQUENCE_MS + 1).action).toBeUndefined();
    expect(actionOf(press('c'))).toBeUndefined();
    expect(actionOf(press('v'))).toBeUndefined();
  });

  it('end a g sequence on any other key, which is read on its own', () => {
    const other = afterG('x');
    expect(other).toEqual({ gSince: null });
    expect(readShortcut(press('c'), onPage, other.gSince, 1300).action).toBeUndefined();
    expect(afterG('n').action).toBe('newCustomer');
    // Shift on its way to `?` neither fires nor ends the sequence.
    expect(afterG('Shift').gSince).toBe(1000);
  });

  it('do nothing while the agent types in a field, but Ctrl+K or Cmd+K still searches', () => {
    for (const key of ['/', 'n', '?', 'g'])
      expect(readShortcut(press(key), inField, null, 0)).toEqual({ gSince: null });
    expect(afterG('c', 200, inField).action).toBeUndefined();
    expect(actionOf(press('k', { ctrlKey: true }), inField)).toBe('search');
    expect(actionOf(press('K', { metaKey: true }), inField)).toBe('search');
  });

  it('do nothing with Ctrl, Cmd or Alt held, but Ctrl+K', () => {
    expect(actionOf(press('n', { ctrlKey: true }))).toBeUndefined();
    expect(actionOf(press('/', { metaKey: true }))).toBeUndefined();
    expect(actionOf(press('/', { altKey: true }))).toBeUndefined();
    expect(actionOf(press('k', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(actionOf(press('k'))).toBeUndefined();
    const g = readShortcut(press('g'), onPage, null, 0);
    expect(
      readShortcut(press('c', { ctrlKey: true }), onPage, g.gSince, 10).action,
    ).toBeUndefined();
  });

  it('do nothing while a dialog is open, not even Ctrl+K', () => {
    for (const key of [press('/'), press('n'), press('?'), press('k', { ctrlKey: true })])
      expect(actionOf(key, inDialog)).toBeUndefined();
    expect(afterG('v', 200, inDialog).action).toBeUndefined();
  });

  it('give a viewer no new customer', () => {
    expect(actionOf(press('n'), asViewer)).toBeUndefined();
    expect(actionOf(press('/'), asViewer)).toBe('search');
  });

  it('know where the agent types: inputs, text areas, selects and editable content', () => {
    expect(isEditable({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(
      true,
    );
    expect(isEditable({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    // Inputs nobody types text into (a queue chip, the "Started by me" switch) leave shortcuts on.
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'range', 'CHECKBOX'])
      expect(isEditable({ tagName: 'INPUT', type } as unknown as EventTarget), type).toBe(false);
    for (const type of ['text', 'search', 'email', 'tel', 'password', 'number', 'date'])
      expect(isEditable({ tagName: 'INPUT', type } as unknown as EventTarget), type).toBe(true);
    expect(isEditable(null)).toBe(false);
  });
});
