import { flushSync } from 'react-dom';

/**
 * Gives a key that the badge reader's detector held back to where it was meant to go, as if it had
 * never been held: first a keydown for the app's own handlers, then what the browser would have
 * done — the character typed into the field (through the editing machinery, so undo works and
 * React's controlled inputs hear an ordinary input event), or Space pressing a button.
 */
export type HeldKey = {
  key: string;
  code: string;
  location: number;
  shiftKey: boolean;
  /** Where the key went down: the focused element then, or the body. */
  target: EventTarget | null;
};

/** Keydowns made here; the capture listener lets them through untouched. */
const replayed = new WeakSet<Event>();

export function isReplayed(event: Event): boolean {
  return replayed.has(event);
}

export function heldKeyOf(event: KeyboardEvent): HeldKey {
  return { key: event.key, code: event.code, location: event.location, shiftKey: event.shiftKey, target: event.target };
}

export function replayKeys(keys: readonly HeldKey[]): void {
  if (keys.length === 0) return;
  for (const key of keys) replayKey(key);
  // The key that released these follows at once (Enter submitting a PIN): React must have seen
  // the characters before that key's handlers read its state.
  flushSync(() => {});
}

function replayKey(held: HeldKey): void {
  const target = held.target instanceof HTMLElement && held.target.isConnected ? held.target : document.body;
  const event = new KeyboardEvent('keydown', {
    key: held.key,
    code: held.code,
    location: held.location,
    shiftKey: held.shiftKey,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  replayed.add(event);
  if (!target.dispatchEvent(event)) return;
  performDefault(target, held);
}

function performDefault(target: HTMLElement, held: HeldKey): void {
  if (isTextField(target)) {
    // A dead key or an input method's "Process" types nothing by itself.
    if ([...held.key].length === 1) insertText(target, held.key);
    return;
  }
  if (held.key !== ' ') return;
  if (isPressable(target)) target.click();
  else window.scrollBy({ top: (held.shiftKey ? -1 : 1) * Math.round(window.innerHeight * 0.875) });
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'password', 'email', 'tel', 'url', 'number']);

function isTextField(el: HTMLElement): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return el.isContentEditable;
}

function isPressable(el: HTMLElement): boolean {
  if (el instanceof HTMLButtonElement) return !el.disabled;
  if (el instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type) && !el.disabled;
  return el.getAttribute('role') === 'button';
}

function insertText(field: HTMLElement, text: string): void {
  // The browser's own typing path: beforeinput/input events, maxlength, undo history.
  if (document.activeElement === field && typeof document.execCommand === 'function' && document.execCommand('insertText', false, text)) return;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
  // Where execCommand is missing (jsdom) or the focus has moved on: put the text at the field's
  // caret, then send the input event typing would have sent. React compares the value it last saw
  // with the new one and calls onChange.
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  if (field.maxLength >= 0 && field.value.length - (end - start) + text.length > field.maxLength) return;
  try {
    field.setRangeText(text, start, end, 'end');
  } catch {
    // Fields without a caret (type number, email): the prototype's setter, which React does not watch.
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
    setValue?.call(field, field.value.slice(0, start) + text + field.value.slice(end));
  }
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
