/** A key as Electron's `before-input-event` describes it (the fields the decision needs). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/** Editing keys a person needs in a comment on a kiosk: select all, copy, cut, paste, undo, redo. */
const EDITING = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

/**
 * Whether a kiosk swallows this key before the page or Chromium sees it: every shortcut that could
 * lead out of the signage (close, reload, quit, developer tools, print, zoom, leave full screen,
 * open a window). Plain typing passes, and so does everything a badge reader sends (digits, letters,
 * Enter, Tab). What the operating system itself catches first (Ctrl+Alt+Del, the Windows key) is
 * the kiosk account's lockdown, described in docs/architecture.md.
 */
export function swallowOnKiosk(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (/^F\d{1,2}$/.test(input.key)) return true;
  if (input.key === 'Escape') return false;
  if (input.alt || input.meta) return true;
  // Ctrl+Shift+C and Ctrl+Shift+I open the developer tools where they exist; only redo keeps Shift.
  if (input.control) return input.shift ? input.key.toLowerCase() !== 'z' : !EDITING.has(input.key.toLowerCase());
  return input.key === 'BrowserBack' || input.key === 'BrowserForward' || input.key === 'BrowserRefresh' || input.key === 'BrowserHome';
}
