import type { StatsDeviceKind } from '../../../common/src/api/routes/stats.js';
import type { ActivityEvent, StatsSubject } from '../stats/record.js';
import { ActivityClock } from './calendar.js';
import type { Dataset } from './generate.js';
import { Rng, hashSeed } from './prng.js';

/** Share of the staff who use the intranet at all; the rest never log in (as in the seeds' figures). */
const USERS_SHARE = 0.8;
/** Sessions per user per average day, before the weekday and hour rhythm of the clock. */
const SESSIONS_PER_USER_DAY = 0.35;
/** Posts a session looks at, and the chance it visits a group of the person's. */
const VIEWS_PER_SESSION = [0, 0, 1, 1, 1, 2, 3];
const GROUP_VISIT_CHANCE = 0.3;
/** The seeds' organisation: 83 % on desktops, the rest on ward PCs and break-room screens. */
const DEVICES: [StatsDeviceKind, number][] = [
  ['workstation', 0.83],
  ['shared', 0.13],
  ['kiosk', 0.04],
];

/**
 * The demo organisation's 90 days of activity for the statistics: the likes, comments and posts the
 * dataset already holds (with the ids the live server would count them under, so a real like later
 * counts once), plus sessions, post views and group visits drawn on the same weekday-and-hour clock as
 * the posts, so the dashboard shows the Tuesday-afternoon peak. Sessions last about five and a half
 * minutes and group visits about a minute, as the seeds measured. Deterministic for a seed and anchor.
 */
export function seededActivity(data: Dataset, o: { seed: number; anchorMs: number }): ActivityEvent[] {
  const rng = new Rng(hashSeed('samen-activity', o.seed));
  const device = () => rng.weighted(DEVICES, ([, share]) => share)[0];
  const at = (iso: string) => new Date(iso);
  const groupOf = new Map(data.posts.map((p) => [p.id, p.group_id]));
  const subjectsOf = (postId: string): StatsSubject[] => {
    const groupId = groupOf.get(postId) ?? null;
    return groupId ? [{ type: 'post', id: postId }, { type: 'group', id: groupId }] : [{ type: 'post', id: postId }];
  };

  const events: ActivityEvent[] = [
    ...data.posts.map((p) => ({ id: p.id, kind: 'post' as const, personId: p.author_id, at: at(p.created_at), deviceKind: device(), subjects: p.group_id ? [{ type: 'group' as const, id: p.group_id }] : [] })),
    ...data.comments.map((c) => ({ id: c.id, kind: 'comment' as const, personId: c.author_id, at: at(c.created_at), deviceKind: device(), subjects: subjectsOf(c.post_id) })),
    ...data.likes.map((l) => ({ id: `like:${l.post_id}:${l.person_id}`, kind: 'reaction' as const, personId: l.person_id, at: at(l.created_at), deviceKind: device(), subjects: subjectsOf(l.post_id) })),
  ];

  const active = data.people.filter((p) => p.active !== 0);
  // Some colleagues look in daily, most now and then: a few heavy users carry much of the traffic.
  const users = active.filter(() => rng.chance(USERS_SHARE)).map((p) => ({ id: p.id, weight: 0.2 + rng.next() ** 3 * 4 }));
  const groupsOf = new Map<string, string[]>();
  for (const m of data.groupMembers) groupsOf.set(m.person_id, [...(groupsOf.get(m.person_id) ?? []), m.group_id]);
  const posts = [...data.posts].sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  const postMs = posts.map((p) => Date.parse(p.created_at));

  const clock = new ActivityClock(o.anchorMs);
  const sessions = Math.round(users.length * SESSIONS_PER_USER_DAY * clock.dayCount);
  let n = 0;
  for (const startMs of clock.spread(rng, sessions)) {
    const person = rng.weighted(users, (u) => u.weight);
    const kind = device();
    // Log-normal around 5 min 40 s, from a few seconds to about an hour.
    const seconds = Math.max(5, Math.min(3600, Math.round(340 * Math.exp(0.9 * gaussian(rng)))));
    const start = new Date(startMs);
    events.push({ id: `seed-session-${n++}`, kind: 'session', personId: person.id, at: start, deviceKind: kind, seconds });
    const visible = upperBound(postMs, startMs);
    for (let v = rng.pick(VIEWS_PER_SESSION); v > 0 && visible > 0; v--) {
      const post = posts[Math.max(0, visible - 1 - Math.floor(rng.next() ** 2 * Math.min(visible, 40)))]!;
      events.push({ id: `seed-view-${n++}`, kind: 'post_view', personId: person.id, at: start, deviceKind: kind, subjects: subjectsOf(post.id) });
    }
    const groups = groupsOf.get(person.id);
    if (groups && rng.chance(GROUP_VISIT_CHANCE)) {
      const groupId = rng.pick(groups);
      const spent = Math.max(3, Math.round(55 * Math.exp(0.7 * gaussian(rng))));
      events.push({ id: `seed-visit-${n++}`, kind: 'group_visit', personId: person.id, at: start, deviceKind: kind, seconds: spent, subjects: [{ type: 'group', id: groupId }] });
    }
  }
  return events.filter((e) => e.at.getTime() < o.anchorMs);
}

/** A standard normal draw (Box–Muller). */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/** How many of the sorted `values` are at most `x`. */
function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
