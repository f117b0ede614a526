/** How long the pointer stays visible after it last moved on a kiosk. */
export const CURSOR_HIDE_MS = 3_000;
const HIDDEN = 'kiosk-cursor-hidden';

/**
 * Hides the pointer on a kiosk a few seconds after it last moved (a mouse left behind, or a touch
 * screen that leaves its pointer where it was tapped); it shows again at the next move. Returns the
 * way to remove it again, listener and timer included.
 */
export function installCursorHider(root: HTMLElement = document.documentElement, ms = CURSOR_HIDE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const hideLater = () => {
    root.classList.remove(HIDDEN);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => root.classList.add(HIDDEN), ms);
  };
  hideLater();
  window.addEventListener('pointermove', hideLater, { passive: true });
  return () => {
    window.removeEventListener('pointermove', hideLater);
    if (timer !== null) clearTimeout(timer);
    root.classList.remove(HIDDEN);
  };
}
