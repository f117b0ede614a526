import type { Kysely } from 'kysely';
import type { StatsSocial } from '../../../common/src/api/routes/stats.js';
import type { Database } from '../db/schema.js';
import { amsterdamSlot, monthStart, previousPeriod } from './calendar.js';
import { activePeople, topPosts } from './queries.js';

/**
 * The side column's two figures for this Amsterdam month so far, from the same reports as the
 * dashboard and under the same small-group rule: the month's active people (null under 10) as a
 * share of the staff, and the month's most-liked post that everyone may read.
 */
export async function socialFigures(k: Kysely<Database>, tenantId: string, now: Date): Promise<StatsSocial> {
  const to = amsterdamSlot(now).day;
  const from = monthStart(to);
  const scope = { tenantId, from, to, previous: previousPeriod(from, to) };
  const people = await activePeople(k, scope);
  const active = people.month.active;
  const posts = await topPosts(k, scope);
  const liked = posts.mostLikedOfMonth.post;
  return {
    month: from.slice(0, 7),
    activePercent: active !== null && people.staff > 0 ? Math.min(100, Math.round((active / people.staff) * 100)) : null,
    mostLiked: liked && liked.reactions !== null ? { postId: liked.postId, excerpt: liked.excerpt, groupName: liked.groupName, reactions: liked.reactions } : null,
  };
}
