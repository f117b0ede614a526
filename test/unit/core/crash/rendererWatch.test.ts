import { describe, expect, it } from 'vitest';
import { CRASH_RUN_MS, createRendererWatch, HANG_MS } from '../../../../main/core/crash/rendererWatch.js';
import { memoryLog } from '../../../fixtures/core/harness.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

function setup() {
  const time = manualTime();
  const reloads: string[] = [];
  const log = memoryLog();
  const watch = createRendererWatch({ clock: time.clock, timers: time.timers, log, reload: (reason) => reloads.push(reason) });
  return { time, reloads, watch, log };
}

describe('a renderer that crashes or hangs', () => {
  it('is reloaded at the start page at once after a crash, and the crash is logged', () => {
    const t = setup();
    t.watch.gone('crashed');
    t.time.advance(0);
    expect(t.reloads).toEqual(['crashed']);
    expect(t.log.lines[0]).toMatchObject({ level: 'error', fields: { reason: 'crashed', detail: 'crashed', inRun: 1 } });
  });

  it('is not reloaded when the window simply closed', () => {
    const t = setup();
    t.watch.gone('clean-exit');
    t.time.advance(60_000);
    expect(t.reloads).toEqual([]);
  });

  it('waits longer before each reload when it keeps crashing, and starts afresh after a quiet spell', () => {
    const t = setup();
    t.watch.gone('crashed');
    t.time.advance(0);
    t.watch.gone('oom');
    t.time.advance(4_999);
    expect(t.reloads).toHaveLength(1);
    t.time.advance(1);
    expect(t.reloads).toHaveLength(2);
    t.watch.gone('crashed');
    t.time.advance(59_999);
    expect(t.reloads).toHaveLength(2);
    t.time.advance(1);
    expect(t.reloads).toHaveLength(3);

    t.time.advance(CRASH_RUN_MS);
    t.watch.gone('crashed');
    t.time.advance(0);
    expect(t.reloads).toHaveLength(4);
  });

  it('counts as hung only when it stays unresponsive, and is then reloaded', () => {
    const t = setup();
    t.watch.unresponsive();
    t.time.advance(HANG_MS - 1);
    t.watch.responsive();
    t.time.advance(HANG_MS);
    expect(t.reloads).toEqual([]);

    t.watch.unresponsive();
    t.time.advance(HANG_MS);
    expect(t.reloads).toEqual(['hung']);
  });

  it('reloads once for a hang that ends in a crash', () => {
    const t = setup();
    t.watch.unresponsive();
    t.time.advance(HANG_MS);
    t.watch.gone('killed');
    t.time.advance(0);
    expect(t.reloads).toEqual(['hung']);
  });
});
