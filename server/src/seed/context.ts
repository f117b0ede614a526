import { uuidv7 } from '../../../common/src/ids.js';
import { ActivityClock, DAY } from './calendar.js';
import { Rng, hashSeed } from './prng.js';

/** The sizes the generator is made for, in employees. */
export const MIN_EMPLOYEES = 50;
export const MAX_EMPLOYEES = 20_000;
const HISTORY_DAYS = 90;

/**
 * What every part of the generator draws from. Each part has its own random stream, so a change in
 * one part does not move the draws of the others. The id sequence and the setup clock are shared
 * instead: ids and setup moments follow the order in which generate.ts runs the parts, which is why
 * that order is fixed.
 */
export interface SeedContext {
  employees: number;
  /** The demo organisation (slug 'demo') has a fixed name, colours, region and main location. */
  isDemo: boolean;
  anchorMs: number;
  /** 90 days of history up to the anchor, weighted by weekday and hour. */
  clock: ActivityClock;
  rng: {
    structure: Rng;
    people: Rng;
    groups: Rng;
    posts: Rng;
    texts: Rng;
    reactions: Rng;
    images: Rng;
    knowledgeBase: Rng;
  };
  /** Next id of the one sequence for every row but pictures. */
  newId: (ms: number) => string;
  /** Next id of the picture sequence. */
  newImageId: (ms: number) => string;
  /** Next moment of setup: what exists before the history starts, one millisecond apart. */
  nextSetupMs: () => number;
}

export function createContext(input: { seed: number; employees: number; slug: string; anchorMs: number }): SeedContext {
  const root = new Rng(hashSeed('samen-seed', input.seed));
  // Ids also depend on the slug: two organisations seeded with one seed in one database get distinct tenant ids.
  const idRng = new Rng(hashSeed('samen-ids', input.seed, input.slug));
  const imageIdRng = new Rng(hashSeed('samen-image-ids', input.seed, input.slug));
  const clock = new ActivityClock(input.anchorMs, HISTORY_DAYS);
  // Setup happens two days before the history starts.
  let setupMs = clock.startMs - 2 * DAY;
  return {
    employees: input.employees,
    isDemo: input.slug === 'demo',
    anchorMs: input.anchorMs,
    clock,
    rng: {
      structure: root.fork('structure'),
      people: root.fork('people'),
      groups: root.fork('groups'),
      posts: root.fork('posts'),
      texts: root.fork('texts'),
      reactions: root.fork('reactions'),
      images: root.fork('images'),
      knowledgeBase: root.fork('knowledgeBase'),
    },
    newId: (ms) => uuidv7(ms, idRng.bytes),
    newImageId: (ms) => uuidv7(ms, imageIdRng.bytes),
    nextSetupMs: () => setupMs++,
  };
}

/** Timestamps as the database stores them. */
export const iso = (ms: number) => new Date(ms).toISOString();

export const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
