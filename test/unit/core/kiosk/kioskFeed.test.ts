import { describe, expect, it } from 'vitest';
import type { KioskSignage } from '../../../../common/src/api/routes/kiosks.js';
import type { Cache } from '../../../../main/core/cache/openCache.js';
import { HEARTBEAT_MS, POLL_REFRESH_MS, SETTLE_MS, createKioskFeed } from '../../../../main/core/kiosk/kioskFeed.js';
import type { Logger } from '../../../../main/core/log.js';
import type { HttpClient } from '../../../../main/core/net/httpClient.js';
import { manualTime } from '../../../fixtures/core/manualTime.js';

const settled = () => new Promise((done) => setImmediate(done));

/**
 * A kiosk feed against a server that answers each heartbeat with new poll counts. `hold` keeps the
 * next answer back until the test releases it (a heartbeat on its way).
 */
function kioskUnderTest() {
  const time = manualTime();
  const beats: number[] = [];
  let held: (() => void) | null = null;
  let hold = false;
  let stored: KioskSignage | null = null;
  const answer = (): KioskSignage => ({
    kiosk: { id: '01930000-0000-7000-8000-00000000c001', name: 'Kiosk pauzeruimte', locationId: null, locationName: null },
    playlist: null,
    groupIds: [],
    polls: [],
    at: time.clock.now().toISOString(),
    celebrations: null,
  });
  const http = {
    call: async () => {
      beats.push(time.now - start);
      if (hold) await new Promise<void>((release) => (held = release));
      return { ok: true as const, value: answer() };
    },
  } as unknown as HttpClient;
  const parts = { kiosk: { signage: () => stored, setSignage: (s: KioskSignage) => void (stored = s) } };
  const cache = { read: (work: (p: typeof parts) => unknown) => work(parts), write: (work: (p: typeof parts) => unknown) => work(parts) } as unknown as Cache;
  const log = { warn: () => undefined, info: () => undefined, error: () => undefined } as unknown as Logger;
  const start = time.now;
  const feed = createKioskFeed({ http, cache, log, clock: time.clock, timers: time.timers, imageUrl: (id) => id, version: '1.0.0', linked: () => true, changed: () => undefined });
  return {
    feed,
    beats,
    async advance(ms: number) {
      time.advance(ms);
      await settled();
    },
    holdNext: () => (hold = true),
    release: async () => {
      hold = false;
      held?.();
      await settled();
    },
  };
}

describe('the kiosk feed: poll counts after a vote', () => {
  it('asks for fresh counts once the refresh interval after the last heartbeat is up, not at the next regular heartbeat', async () => {
    const k = kioskUnderTest();
    k.feed.start();
    await k.advance(0);
    await k.advance(2_000);
    // A vote lands two seconds after the first heartbeat: it arrives as a content change.
    k.feed.contentChanged();
    await k.advance(SETTLE_MS);
    expect(k.beats).toEqual([0]);
    await k.advance(POLL_REFRESH_MS);
    expect(k.beats).toEqual([0, POLL_REFRESH_MS]);
    // A burst of changes later asks once more, again no sooner than the interval allows.
    for (let i = 0; i < 3; i++) {
      k.feed.contentChanged();
      await k.advance(1_000);
    }
    await k.advance(POLL_REFRESH_MS);
    expect(k.beats).toEqual([0, POLL_REFRESH_MS, 2 * POLL_REFRESH_MS]);
    // The regular heartbeat keeps its own time.
    await k.advance(HEARTBEAT_MS);
    expect(k.beats).toEqual([0, POLL_REFRESH_MS, 2 * POLL_REFRESH_MS, HEARTBEAT_MS]);
    k.feed.stop();
  });

  it('asks again after a heartbeat that was on its way when the change came, whose answer may predate the vote', async () => {
    const k = kioskUnderTest();
    k.feed.start();
    await k.advance(POLL_REFRESH_MS);
    k.holdNext();
    k.feed.contentChanged();
    await k.advance(SETTLE_MS);
    expect(k.beats).toEqual([0, POLL_REFRESH_MS + SETTLE_MS]);
    // The next vote comes while that heartbeat waits for its answer.
    k.feed.contentChanged();
    await k.advance(SETTLE_MS);
    await k.release();
    await k.advance(POLL_REFRESH_MS);
    expect(k.beats).toEqual([0, POLL_REFRESH_MS + SETTLE_MS, 2 * POLL_REFRESH_MS + SETTLE_MS]);
    k.feed.stop();
  });

  it('leaves no timer behind when stopped with a refresh pending', async () => {
    const time = kioskUnderTest();
    time.feed.start();
    time.feed.contentChanged();
    await time.advance(SETTLE_MS);
    time.feed.stop();
    await time.advance(HEARTBEAT_MS * 2);
    expect(time.beats).toEqual([0]);
  });
});
