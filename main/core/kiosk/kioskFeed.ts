import type { KioskSignage } from '../../../common/src/api/routes/kiosks.js';
import type { SignageView } from '../../../common/src/ipc/kioskViews.js';
import type { Cache } from '../cache/openCache.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { Timers } from '../session/idleTimer.js';
import { composeSignage } from './composeSignage.js';
import { cacheSignageSources } from './signageSources.js';

/** How often a kiosk says it is alive, and so learns its playlist and the poll counts. */
export const HEARTBEAT_MS = 60_000;
/** Content changes come in bursts (a sync page): the screen hears of them once, this much later. */
export const SETTLE_MS = 250;
/** A burst of content changes asks the server for fresh poll counts at most this often. */
export const POLL_REFRESH_MS = 10_000;

/** What the signage depends on, without the time of the answer: an unchanged answer changes nothing on screen. */
const essence = (s: KioskSignage | null) => (s ? JSON.stringify({ ...s, at: null }) : null);

/**
 * A kiosk's side of its signage: the heartbeat (which reports its version and brings its playlist,
 * location groups and poll counts, kept in the cache for when the network is down), and telling the
 * screen when what it plays may have changed. Every timer it sets is cleared at `stop`.
 */
export function createKioskFeed(d: {
  http: HttpClient;
  cache: Cache;
  clock: Clock;
  timers: Timers;
  log: Logger;
  imageUrl: ImageUrl;
  version: string;
  /** Whether the device has a token (an unlinked kiosk has nobody to call). */
  linked(): boolean;
  changed(): void;
}) {
  let beatTimer: unknown = null;
  let settleTimer: unknown = null;
  let refreshTimer: unknown = null;
  let lastBeatAt = 0;
  let running = false;
  let inFlight = false;
  /** A change arrived while a heartbeat was on its way, which may have been answered before it. */
  let staleAnswer = false;

  async function beat(): Promise<void> {
    if (!d.linked()) return;
    if (inFlight) {
      staleAnswer = true;
      return;
    }
    inFlight = true;
    lastBeatAt = d.clock.now().getTime();
    try {
      const answer = await d.http.call('kioskHeartbeat', { body: { version: d.version } });
      if (!answer.ok) {
        if (answer.error.code !== 'offline') d.log.warn('kiosk heartbeat refused', { code: answer.error.code });
        return;
      }
      const before = d.cache.read((c) => c.kiosk.signage());
      d.cache.write((c) => c.kiosk.setSignage(answer.value));
      if (essence(before) !== essence(answer.value)) d.changed();
    } catch (err) {
      // A cache rebuilt under it (CacheResetError): the next heartbeat writes the answer again.
      d.log.warn('kiosk heartbeat answer not kept', { error: err instanceof Error ? err.name : 'unknown' });
    } finally {
      inFlight = false;
      if (staleAnswer) {
        staleAnswer = false;
        refreshCounts();
      }
    }
  }

  /**
   * A vote arrives as a content change; its counts come with a heartbeat. At most one every
   * `POLL_REFRESH_MS`, but never dropped: one that comes too soon is asked for when that time is up,
   * so the bars move within seconds rather than at the next regular heartbeat a minute later.
   */
  function refreshCounts(): void {
    if (!running || refreshTimer !== null) return;
    const wait = lastBeatAt + POLL_REFRESH_MS - d.clock.now().getTime();
    if (wait <= 0) {
      void beat();
      return;
    }
    refreshTimer = d.timers.set(() => {
      refreshTimer = null;
      void beat();
    }, wait);
  }

  function schedule(): void {
    if (!running) return;
    beatTimer = d.timers.set(() => {
      void beat().finally(schedule);
    }, HEARTBEAT_MS);
  }

  return {
    start(): void {
      if (running) return;
      running = true;
      void beat().finally(schedule);
    },
    stop(): void {
      running = false;
      d.timers.clear(beatTimer);
      d.timers.clear(settleTimer);
      d.timers.clear(refreshTimer);
      beatTimer = settleTimer = refreshTimer = null;
    },
    /** The cache's content changed (a sync page): the screen is told once the burst settles. */
    contentChanged(): void {
      if (!running || settleTimer !== null) return;
      settleTimer = d.timers.set(() => {
        settleTimer = null;
        d.changed();
        refreshCounts();
      }, SETTLE_MS);
    },
    view(): SignageView {
      return d.cache.read((parts) => composeSignage(parts.kiosk.signage(), cacheSignageSources(parts, d.imageUrl, d.clock.now()), d.clock.now()));
    },
  };
}

export type KioskFeed = ReturnType<typeof createKioskFeed>;
