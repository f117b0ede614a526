import type { ClientMode } from '../../../common/src/ipc/views.js';

/**
 * Whether a link from the page may be handed to the person's own browser: web addresses only (no
 * file:, no custom protocols that start programs, no credentials in the address), and never on a
 * kiosk, where a browser opened behind the app would be left to the next passer-by.
 */
export function mayOpenExternally(url: string, mode: ClientMode): boolean {
  if (mode === 'kiosk') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
