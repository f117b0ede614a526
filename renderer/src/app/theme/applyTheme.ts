import type { Theme } from '../../../../common/src/ipc/views';
import { darkenForWhite, inkOn, parseHexColor, toHex } from './contrast';

/** Before the organisation's theme is known, and when its colour cannot be read. */
const FALLBACK_ACCENT = '#0b6e6e';

export function applyTheme(theme: Theme | null, root: HTMLElement = document.documentElement): void {
  const accent = parseHexColor(theme?.primaryColor ?? FALLBACK_ACCENT) ?? parseHexColor(FALLBACK_ACCENT)!;
  // Buttons and the active tab carry the colour as it is; text in the colour must read on white.
  root.style.setProperty('--accent', toHex(accent));
  root.style.setProperty('--accent-ink', inkOn(accent));
  root.style.setProperty('--accent-text', toHex(darkenForWhite(accent)));
  document.title = theme?.intranetName ?? 'Samen';
}
