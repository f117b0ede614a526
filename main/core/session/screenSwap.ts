/**
 * The windows of a desktop shell as the screen swap uses them: main/electron implements it with
 * BrowserWindows, tests with plain objects.
 */
export interface WindowControl<W> {
  /** A new window with the app loading in it, hidden; the shell calls `ready` once it has painted. */
  create(): W;
  /** Shows `next` where `previous` was (size, place, full screen) and gives it the focus. */
  show(next: W, previous: W | null): void;
  /** Closes the window and ends its renderer, with everything in its memory. */
  destroy(window: W): void;
}

/**
 * Each person leaves the screen to a renderer that has never seen her. Instead of the page reloading
 * itself when its person leaves (lock, logout, idle lock, switch), a spare window with the app
 * already loaded waits hidden, and takes the screen's place while the old window is destroyed:
 * faster than a reload, and a stronger wipe (another renderer process, no history, no heap).
 *
 * The spare must learn nothing while it waits, since someone is logged in meanwhile: the shell holds
 * every call it makes until it is shown (`whenShown`), and sends events to the shown window only.
 * When no spare is ready, the page reloads itself as before.
 */
export function createScreenSwap<W>(control: WindowControl<W>) {
  let shown: W | null = null;
  let shownReady = false;
  let spare: { window: W; ready: boolean } | null = null;
  const waiting = new Map<W, ((shown: boolean) => void)[]>();

  const settle = (window: W, isShown: boolean) => {
    for (const resolve of waiting.get(window) ?? []) resolve(isShown);
    waiting.delete(window);
  };

  const prepareSpare = () => {
    if (!spare) spare = { window: control.create(), ready: false };
  };

  const drop = (window: W) => {
    settle(window, false);
    control.destroy(window);
  };

  return {
    /** The first window, which is the screen (its calls are answered) and shows once it has painted. */
    start(): W {
      shown = control.create();
      return shown;
    },

    /** The window that is the screen: the only one whose calls are answered and that hears events. */
    shown: () => shown,

    /** A window has painted for the first time. */
    ready(window: W) {
      if (window === shown && !shownReady) {
        shownReady = true;
        control.show(window, null);
        prepareSpare();
      } else if (spare?.window === window) {
        spare.ready = true;
      }
    },

    /**
     * The screen's page wants to start afresh (its person left): the spare takes its place. Answers
     * whether it did; if not, the page reloads itself and a spare is got ready for the next time.
     */
    startAfresh(window: W): boolean {
      if (window !== shown || !shownReady) return false;
      if (!spare?.ready) {
        prepareSpare();
        return false;
      }
      const next = spare.window;
      spare = null;
      shown = next;
      control.show(next, window);
      settle(next, true);
      drop(window);
      prepareSpare();
      return true;
    },

    /** Resolves true once calls from this window may be answered (it is the screen), false if it never will be. */
    whenShown(window: W): Promise<boolean> {
      if (window === shown) return Promise.resolve(true);
      if (spare?.window !== window) return Promise.resolve(false);
      return new Promise((resolve) => waiting.set(window, [...(waiting.get(window) ?? []), resolve]));
    },

    /** A window's renderer crashed or the window was closed by the shell. */
    gone(window: W) {
      if (spare?.window === window) {
        spare = null;
        settle(window, false);
      }
    },

    /** The screen was closed (the app ends): the spare goes with it. */
    closing(window: W) {
      if (window !== shown) return;
      shown = null;
      if (spare) drop(spare.window);
      spare = null;
    },
  };
}

export type ScreenSwap<W> = ReturnType<typeof createScreenSwap<W>>;
