import { z } from 'zod';
import { BADGE_ID_MAX_LENGTH, BADGE_ID_MIN_LENGTH } from './badgeId.js';
import { READER_LAYOUT_NAMES } from './readerLayouts.js';

/**
 * How this machine's badge reader types, from the machine-wide client config (`badgeReader`). Every
 * field may be left out; the defaults fit a common reader: US layout, at least 6 characters, at most
 * 30 ms between keys, then Enter. The same schema checks the config file and the session state that
 * brings the settings to the renderer.
 */

/** The key a reader sends after the id; `none`: the reader just stops, and a pause ends the tap. */
export const READER_TERMINATORS = ['enter', 'tab', 'none'] as const;
export type ReaderTerminator = (typeof READER_TERMINATORS)[number];

/** People type 60 ms or more apart: a wider gap would start taking a fast typist's words for a reader's. */
const MAX_GAP_LIMIT_MS = 50;

export const BadgeReaderSchema = z.strictObject(
  {
  /** The keyboard layout the reader is set to (`readerLayouts.ts`). */
  layout: z.enum(READER_LAYOUT_NAMES, { error: `must be one of ${READER_LAYOUT_NAMES.join(', ')}` }).default('us'),
  terminator: z.enum(READER_TERMINATORS, { error: `must be one of ${READER_TERMINATORS.join(', ')}` }).default('enter'),
  /** Fewest characters in a read; fewer fast keys are a person typing. */
  minChars: z
    .number({ error: 'must be a number of characters' })
    .int('must be a whole number of characters')
    .min(BADGE_ID_MIN_LENGTH, `must be at least ${BADGE_ID_MIN_LENGTH}, the shortest badge id`)
    .max(BADGE_ID_MAX_LENGTH, `must be at most ${BADGE_ID_MAX_LENGTH}, the longest badge id`)
    .default(6),
  /** Keys closer together than this are the reader's. */
  maxGapMs: z
    .number({ error: 'must be a number of milliseconds' })
    .int('must be whole milliseconds')
    .min(5, 'must be at least 5 ms')
    .max(MAX_GAP_LIMIT_MS, `must be at most ${MAX_GAP_LIMIT_MS} ms, or fast typing is taken for a reader`)
    .default(30),
  },
  { error: 'must be an object with layout, terminator, minChars and/or maxGapMs' },
);
export type BadgeReaderSettings = z.output<typeof BadgeReaderSchema>;

export const DEFAULT_BADGE_READER: BadgeReaderSettings = BadgeReaderSchema.parse({});
