import { sql, type RawBuilder } from 'kysely';
import { REACTION_KINDS, type ReactionCounts, type ReactionKind } from '../../../common/src/api/entities.js';
import type { PostsTable } from '../db/schema.js';

/** The post's counter for each kind but 'like', which is what `like_count` (all of them) leaves over. */
export const COUNTER = {
  hart: 'reactions_hart',
  applaus: 'reactions_applaus',
  inzichtelijk: 'reactions_inzichtelijk',
  bedankt: 'reactions_bedankt',
} as const satisfies Record<Exclude<ReactionKind, 'like'>, keyof PostsTable>;

export const asReactionKind = (kind: string | undefined | null): ReactionKind => ((REACTION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ReactionKind) : 'like');

/** The post's columns that hold its reactions: the total and each kind's counter. */
export const COUNTER_COLUMNS = ['like_count', ...Object.values(COUNTER)] as const;
export type Counters = Pick<PostsTable, (typeof COUNTER_COLUMNS)[number]>;

export function reactionCounts(r: Counters): ReactionCounts {
  const hart = Number(r.reactions_hart ?? 0);
  const applaus = Number(r.reactions_applaus ?? 0);
  const inzichtelijk = Number(r.reactions_inzichtelijk ?? 0);
  const bedankt = Number(r.reactions_bedankt ?? 0);
  return { like: Number(r.like_count) - hart - applaus - inzichtelijk - bedankt, hart, applaus, inzichtelijk, bedankt };
}

/** How a change of her reaction from `from` to `to` (null: none) moves the counters, relative to what is stored. */
export function counterMoves(from: ReactionKind | null, to: ReactionKind | null): Record<string, RawBuilder<unknown>> {
  const set: Record<string, RawBuilder<unknown>> = {};
  if (from === null) set.like_count = sql`like_count + 1`;
  if (to === null) set.like_count = sql`like_count - 1`;
  if (from && from !== 'like') set[COUNTER[from]] = sql.raw(`${COUNTER[from]} - 1`);
  if (to && to !== 'like') set[COUNTER[to]] = sql.raw(`${COUNTER[to]} + 1`);
  return set;
}
