import type { Kysely } from 'kysely';
import type { StatsReport } from '../../../common/src/api/routes/stats.js';
import type { Database } from '../db/schema.js';
import { activePeople, activity, devices, groupActivity, searchFigures, sessions, topPosts, type StatsScope } from './queries.js';

/** Each report the dashboard shows and exports, by name. */
export const reports = {
  activity,
  people: activePeople,
  sessions,
  devices,
  posts: topPosts,
  groups: groupActivity,
  search: searchFigures,
} satisfies Record<StatsReport, (k: Kysely<Database>, s: StatsScope) => Promise<unknown>>;

export type StatsAnswers = { [R in StatsReport]: Awaited<ReturnType<(typeof reports)[R]>> };
