import { describe, expect, it } from 'vitest';
import { createScreenSwap, type WindowControl } from '../../../../main/core/session/screenSwap.js';

/** Windows as plain objects: what the swap made of them is in their fields and in `log`. */
interface FakeWindow {
  id: number;
  visible: boolean;
  destroyed: boolean;
}

function desktop() {
  const windows: FakeWindow[] = [];
  const log: string[] = [];
  const control: WindowControl<FakeWindow> = {
    create() {
      const w = { id: windows.length + 1, visible: false, destroyed: false };
      windows.push(w);
      log.push(`create ${w.id}`);
      return w;
    },
    show(next, previous) {
      next.visible = true;
      log.push(`show ${next.id}${previous ? ` over ${previous.id}` : ''}`);
    },
    destroy(w) {
      w.visible = false;
      w.destroyed = true;
      log.push(`destroy ${w.id}`);
    },
  };
  const swap = createScreenSwap(control);
  const alive = () => windows.filter((w) => !w.destroyed).map((w) => w.id);
  return { swap, windows, log, alive };
}

/** The app started: its first window painted, and the spare readied behind it has painted too. */
function started() {
  const d = desktop();
  const first = d.swap.start();
  d.swap.ready(first);
  const spare = d.windows[1]!;
  d.swap.ready(spare);
  return { ...d, first, spare };
}

describe('a fresh screen for each person on a desktop', () => {
  it('shows the first window once it has painted, and readies a hidden spare behind it', () => {
    const d = desktop();
    const first = d.swap.start();
    expect(first.visible).toBe(false);

    d.swap.ready(first);

    expect(d.log).toEqual(['create 1', 'show 1', 'create 2']);
    expect(d.windows[1]!.visible).toBe(false);
    expect(d.swap.shown()).toBe(first);
  });

  it('puts the spare in the place of Anna’s screen when she leaves, destroys hers, and readies the next spare', () => {
    const { swap, first, spare, log, alive } = started();
    log.length = 0;

    expect(swap.startAfresh(first)).toBe(true);

    expect(log).toEqual(['show 2 over 1', 'destroy 1', 'create 3']);
    expect(first.destroyed).toBe(true);
    expect(swap.shown()).toBe(spare);
    expect(alive()).toEqual([2, 3]);
  });

  it('answers the spare nothing while someone is logged in: its calls wait until it is the screen', async () => {
    const { swap, first, spare } = started();
    let answered: boolean | null = null;
    const call = swap.whenShown(spare).then((shown) => (answered = shown));
    await Promise.resolve();
    expect(answered).toBeNull();

    swap.startAfresh(first);

    await call;
    expect(answered).toBe(true);
    expect(await swap.whenShown(spare)).toBe(true);
  });

  it('never answers a window that is gone, nor one it does not know', async () => {
    const { swap, first, spare, windows } = started();
    const call = swap.whenShown(spare);

    swap.gone(spare);

    expect(await call).toBe(false);
    expect(await swap.whenShown(first)).toBe(true);
    expect(await swap.whenShown({ id: 99, visible: true, destroyed: false })).toBe(false);
    swap.startAfresh(first);
    expect(await swap.whenShown(first)).toBe(true);
    expect(windows.at(-1)!.destroyed).toBe(false);
  });

  it('lets the page reload itself when the spare has not painted yet, and swaps the next time', () => {
    const d = desktop();
    const first = d.swap.start();
    d.swap.ready(first);

    expect(d.swap.startAfresh(first)).toBe(false);
    expect(first.destroyed).toBe(false);
    expect(d.swap.shown()).toBe(first);

    d.swap.ready(d.windows[1]!);
    expect(d.swap.startAfresh(first)).toBe(true);
    expect(d.swap.shown()).toBe(d.windows[1]);
  });

  it('after a spare crashed, lets the page reload itself once and readies a new spare', () => {
    const { swap, first, spare, log } = started();
    swap.gone(spare);
    log.length = 0;

    expect(swap.startAfresh(first)).toBe(false);
    expect(log).toEqual(['create 3']);
  });

  it('swaps only for the screen: a hidden window that navigates changes nothing', () => {
    const { swap, first, spare, log } = started();
    log.length = 0;

    expect(swap.startAfresh(spare)).toBe(false);
    expect(log).toEqual([]);
    expect(swap.shown()).toBe(first);
  });

  it('closes the spare with the screen, so the app can end', async () => {
    const { swap, first, spare } = started();
    const call = swap.whenShown(spare);

    swap.closing(first);

    expect(spare.destroyed).toBe(true);
    expect(await call).toBe(false);
    expect(swap.shown()).toBeNull();
  });
});
