import type { SeedContext } from './context.js';
import type { Group, Groups } from './groups.js';
import { PINNED_TEMPLATES } from './texts.js';

export interface PlannedPost {
  ms: number;
  kind: 'pinned' | 'team3b' | 'group' | 'org';
  group: Group | null;
  /** Index into PINNED_TEMPLATES for a pinned post. */
  pinnedIndex: number;
}

/** Team 3B always has this many posts, so its private timeline has something to show at any size. */
const TEAM_3B_POSTS = 8;
/** Share of the posts, besides pinned and Team 3B's, that is written in a group. */
const GROUP_SHARE = 0.18;

function postCountFor(employees: number): number {
  return Math.min(Math.round(employees * 0.8), 6000 + Math.round(employees * 0.2));
}

/**
 * When each post appears and where, oldest first: the pinned announcements in the last ten weeks, then
 * Team 3B's, group posts (more in bigger and livelier groups) and the organisation timeline, at moments
 * spread over the history by weekday and hour.
 */
export function planPosts(ctx: SeedContext, groups: Groups): PlannedPost[] {
  const { clock } = ctx;
  const rng = ctx.rng.posts;
  const totalPosts = postCountFor(ctx.employees);
  const planned: (PlannedPost & { order: number })[] = [];
  const plan = (post: PlannedPost) => planned.push({ ...post, order: planned.length });

  PINNED_TEMPLATES.forEach((_, i) => plan({ ms: clock.sample(rng, clock.dayCount - 21), kind: 'pinned', group: null, pinnedIndex: i }));
  const groupPosts = Math.round((totalPosts - planned.length - TEAM_3B_POSTS) * GROUP_SHARE);
  // Moments for all other posts, handed out in random order.
  const moments = rng.shuffle(clock.spread(rng, totalPosts - planned.length));
  for (let i = 0; i < TEAM_3B_POSTS; i++) plan({ ms: moments.pop()!, kind: 'team3b', group: groups.team3b, pinnedIndex: -1 });
  const otherGroups = groups.all.filter((g) => g !== groups.team3b);
  for (let i = 0; i < groupPosts; i++) {
    const group = rng.weighted(otherGroups, (g) => Math.sqrt(g.members.length) * g.activity);
    plan({ ms: moments.pop()!, kind: 'group', group, pinnedIndex: -1 });
  }
  while (moments.length > 0) plan({ ms: moments.pop()!, kind: 'org', group: null, pinnedIndex: -1 });
  return planned.sort((a, b) => a.ms - b.ms || a.order - b.order);
}
