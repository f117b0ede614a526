import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type {
  StatsActivity,
  StatsDevices,
  StatsGroups,
  StatsPeople,
  StatsPosts,
  StatsSearch,
  StatsSessions,
  StatsTopPost,
} from '../../../common/src/api/routes/stats.js';
import { STATS_DEVICE_KIND, STATS_MIN_PEOPLE } from '../../../common/src/api/routes/stats.js';
import type { Database } from '../db/schema.js';
import { searchStats } from '../search/stats.js';
import { addDays, eachDay, isoWeekday, mondayOf, monthEnd, monthStart, SESSION_BUCKETS } from './calendar.js';
import { MaxPeople, shown } from './privacy.js';

type K = Kysely<Database>;

/** The question every figure answers: whose activity (a location, a department) over which days. */
export interface StatsScope {
  tenantId: string;
  from: string;
  to: string;
  previous: { from: string; to: string };
  locationId?: string | undefined;
  departmentId?: string | undefined;
}

const TOP = 10;
/** Candidates looked at before the small-group rule thins a top list. */
const CANDIDATES = 50;
const HOUR_SCOPES = Array.from({ length: 24 }, (_, h) => `hour:${h}`);
const n = (v: unknown): number => Number(v ?? 0);
const periods = (s: StatsScope) => ({ period: { from: s.from, to: s.to }, previous: s.previous });
const inCurrent = (s: StatsScope, day: string) => day >= s.from && day <= s.to;

/**
 * Where a report's rollup rows come from: for everyone (the dashboard's default) the
 * organisation-wide table, a row per day and hour; for a location or department the per-place table,
 * narrowed by `inPlace`. Both are summed by the same grouping, so each report is one query.
 */
const everyone = (s: StatsScope) => !s.locationId && !s.departmentId;

function inPlace(s: StatsScope): RawBuilder<SqlBool> {
  const place = [...(s.locationId ? [sql`location_key = ${s.locationId}`] : []), ...(s.departmentId ? [sql`department_key = ${s.departmentId}`] : [])];
  return place.length > 0 ? sql<SqlBool>`${sql.join(place, sql` and `)}` : sql<SqlBool>`1 = 1`;
}

/** Different people per scope and day over both periods, for the filter. */
async function peopleByDay(k: K, s: StatsScope, scopes: string[], from = s.previous.from, to = s.to) {
  const rows = await k
    .selectFrom(everyone(s) ? 'stats_org_people' : 'stats_people')
    .select(['scope', 'day', sql<number>`sum(people)`.as('people')])
    .where('tenant_id', '=', s.tenantId)
    .where(inPlace(s))
    .where('scope', 'in', scopes)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['scope', 'day'])
    .execute();
  return rows.map((r) => ({ scope: r.scope, day: r.day, people: n(r.people) }));
}

export async function activity(k: K, s: StatsScope): Promise<Omit<StatsActivity, 'period' | 'previous'> & ReturnType<typeof periods>> {
  const counts = await k
    .selectFrom(everyone(s) ? 'stats_org_hourly' : 'stats_hourly')
    .select(['day', 'hour', sql<number>`sum(count)`.as('count')])
    .where('tenant_id', '=', s.tenantId)
    .where(inPlace(s))
    .where('day', '>=', s.previous.from)
    .where('day', '<=', s.to)
    .groupBy(['day', 'hour'])
    .execute();
  const cellKey = (current: boolean, weekday: number, hour: number) => `${current ? 'c' : 'p'}:${weekday}:${hour}`;
  const sums = new Map<string, number>();
  for (const r of counts) {
    const key = cellKey(inCurrent(s, r.day), isoWeekday(r.day), n(r.hour));
    sums.set(key, (sums.get(key) ?? 0) + n(r.count));
  }
  const people = new MaxPeople();
  for (const r of await peopleByDay(k, s, [...HOUR_SCOPES, 'day'])) {
    const current = inCurrent(s, r.day);
    if (r.scope === 'day') people.see(current ? 'c' : 'p', r.people);
    else people.see(cellKey(current, isoWeekday(r.day), Number(r.scope.slice(5))), r.people);
  }
  const byWeekdayHour: StatsActivity['byWeekdayHour'] = [];
  let total = 0;
  let previousTotal = 0;
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const c = sums.get(cellKey(true, weekday, hour)) ?? 0;
      const p = sums.get(cellKey(false, weekday, hour)) ?? 0;
      total += c;
      previousTotal += p;
      byWeekdayHour.push({ weekday, hour, count: shown(c, people.of(cellKey(true, weekday, hour))), previousCount: shown(p, people.of(cellKey(false, weekday, hour))) });
    }
  }
  let best: StatsActivity['best'] = null;
  let bestCount = 0;
  for (const cell of byWeekdayHour) {
    if (cell.count !== null && cell.count > bestCount) {
      bestCount = cell.count;
      best = { weekday: cell.weekday, hour: cell.hour };
    }
  }
  return { ...periods(s), byWeekdayHour, best, total: shown(total, people.of('c')), previousTotal: shown(previousTotal, people.of('p')) };
}

export async function activePeople(k: K, s: StatsScope): Promise<StatsPeople> {
  let staffQuery = k.selectFrom('people').select(sql<number>`count(*)`.as('n')).where('tenant_id', '=', s.tenantId).where('active', '=', 1);
  if (s.locationId) staffQuery = staffQuery.where('location_id', '=', s.locationId);
  if (s.departmentId) staffQuery = staffQuery.where('department_id', '=', s.departmentId);
  const staff = n((await staffQuery.executeTakeFirst())?.n);

  const week = mondayOf(s.to);
  const month = monthStart(s.to);
  const previousMonth = monthStart(addDays(month, -1));
  const rows = await peopleByDay(k, s, ['day', 'week', 'month'], [s.previous.from, addDays(week, -7), previousMonth].sort()[0]!, s.to);
  const figure = (scope: string, day: string) => {
    const people = rows.find((r) => r.scope === scope && r.day === day)?.people ?? 0;
    return shown(people, people);
  };
  const previousDays = eachDay(s.previous.from, s.previous.to);
  return {
    ...periods(s),
    staff,
    days: eachDay(s.from, s.to).map((day, i) => ({ day, active: figure('day', day), previous: previousDays[i] ? figure('day', previousDays[i]) : null })),
    week: { from: week, to: addDays(week, 6), active: figure('week', week), previous: figure('week', addDays(week, -7)) },
    month: { from: month, to: monthEnd(month), active: figure('month', month), previous: figure('month', previousMonth) },
  };
}

/** Sessions per day and `column` (length bucket or device kind), for the filter. */
async function sessionRows(k: K, s: StatsScope, column: 'bucket' | 'device_kind') {
  const rows = await k
    .selectFrom(everyone(s) ? 'stats_org_daily' : 'stats_daily')
    .select(['day', column, sql<number>`sum(count)`.as('count'), sql<number>`sum(seconds)`.as('seconds')])
    .where('tenant_id', '=', s.tenantId)
    .where(inPlace(s))
    .where('kind', '=', 'session')
    .where('day', '>=', s.previous.from)
    .where('day', '<=', s.to)
    .groupBy(['day', column])
    .execute();
  return rows.map((r) => ({ day: r.day, value: String((r as Record<string, unknown>)[column]), count: n(r.count), seconds: n(r.seconds) }));
}

async function sessionFigures(k: K, s: StatsScope, column: 'bucket' | 'device_kind', prefix: 'bucket' | 'device', values: readonly string[]) {
  const totals = new Map<string, { count: number; seconds: number }>();
  for (const r of await sessionRows(k, s, column)) {
    const key = `${inCurrent(s, r.day) ? 'c' : 'p'}:${r.value}`;
    const t = totals.get(key) ?? { count: 0, seconds: 0 };
    t.count += r.count;
    t.seconds += r.seconds;
    totals.set(key, t);
  }
  const people = new MaxPeople();
  for (const r of await peopleByDay(k, s, values.map((v) => `${prefix}:${v}`))) {
    const period = inCurrent(s, r.day) ? 'c' : 'p';
    people.see(`${period}:${r.scope.slice(prefix.length + 1)}`, r.people);
    people.see(period, r.people);
  }
  return { totals, people };
}

export async function sessions(k: K, s: StatsScope): Promise<StatsSessions> {
  const { totals, people } = await sessionFigures(k, s, 'bucket', 'bucket', SESSION_BUCKETS);
  const average = (period: 'c' | 'p') => {
    let count = 0;
    let seconds = 0;
    for (const b of SESSION_BUCKETS) {
      count += totals.get(`${period}:${b}`)?.count ?? 0;
      seconds += totals.get(`${period}:${b}`)?.seconds ?? 0;
    }
    return count === 0 ? null : shown(Math.round(seconds / count), people.of(period));
  };
  return {
    ...periods(s),
    buckets: SESSION_BUCKETS.map((bucket) => ({
      bucket,
      sessions: shown(totals.get(`c:${bucket}`)?.count ?? 0, people.of(`c:${bucket}`)),
      previous: shown(totals.get(`p:${bucket}`)?.count ?? 0, people.of(`p:${bucket}`)),
    })),
    averageSeconds: average('c'),
    previousAverageSeconds: average('p'),
  };
}

export async function devices(k: K, s: StatsScope): Promise<StatsDevices> {
  const kinds = STATS_DEVICE_KIND.options;
  const { totals, people } = await sessionFigures(k, s, 'device_kind', 'device', kinds);
  return {
    ...periods(s),
    devices: kinds.map((deviceKind) => ({
      deviceKind,
      sessions: shown(totals.get(`c:${deviceKind}`)?.count ?? 0, people.of(`c:${deviceKind}`)),
      previous: shown(totals.get(`p:${deviceKind}`)?.count ?? 0, people.of(`p:${deviceKind}`)),
    })),
  };
}

/**
 * Per subject and kind over one period: the count, the time and the largest daily number of people;
 * only for `ids` when given.
 */
async function subjectTotals(k: K, tenantId: string, type: 'post' | 'group', kinds: string[], from: string, to: string, ids?: readonly string[]) {
  const out = new Map<string, { count: number; seconds: number; people: number }>();
  if (ids?.length === 0) return out;
  let q = k
    .selectFrom('stats_subjects')
    .select(['subject_id', 'kind', sql<number>`sum(count)`.as('count'), sql<number>`sum(seconds)`.as('seconds'), sql<number>`max(people)`.as('people')])
    .where('tenant_id', '=', tenantId)
    .where('subject_type', '=', type)
    .where('kind', 'in', kinds)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (ids) q = q.where('subject_id', 'in', [...ids]);
  const rows = await q.groupBy(['subject_id', 'kind']).execute();
  for (const r of rows) out.set(`${r.kind}:${r.subject_id}`, { count: n(r.count), seconds: n(r.seconds), people: n(r.people) });
  return out;
}

/**
 * The posts with the largest count of one kind over one period that the small-group rule lets show,
 * chosen by the database: a large organisation's 90 days hold figures for thousands of posts, and
 * only the first few are wanted.
 */
async function topSubjects(k: K, tenantId: string, kind: string, from: string, to: string): Promise<string[]> {
  const rows = await k
    .selectFrom('stats_subjects')
    .select(['subject_id', sql<number>`sum(count)`.as('total')])
    .where('tenant_id', '=', tenantId)
    .where('subject_type', '=', 'post')
    .where('kind', '=', kind)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('subject_id')
    .having(sql`max(people)`, '>=', STATS_MIN_PEOPLE)
    .orderBy('total', 'desc')
    .orderBy('subject_id')
    .limit(CANDIDATES)
    .execute();
  return rows.map((r) => r.subject_id);
}

const POST_KINDS = ['post_view', 'reaction', 'comment'] as const;
const EXCERPT = 80;

/** Posts on the organisation's timeline or in non-private groups, with their group's name. */
async function publicPosts(k: K, tenantId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { excerpt: string; groupName: string | null }>();
  const rows = await k
    .selectFrom('posts')
    .leftJoin('groups', (j) => j.onRef('groups.tenant_id', '=', 'posts.tenant_id').onRef('groups.id', '=', 'posts.group_id'))
    .select(['posts.id', 'posts.body', 'groups.name', 'groups.visibility'])
    .where('posts.tenant_id', '=', tenantId)
    .where('posts.id', 'in', ids)
    .where('posts.hidden_at', 'is', null)
    .execute();
  return new Map(
    rows
      .filter((r) => r.visibility !== 'private')
      .map((r) => [r.id, { excerpt: r.body.length > EXCERPT ? `${r.body.slice(0, EXCERPT - 1).trimEnd()}…` : r.body, groupName: r.name ?? null }]),
  );
}

export async function topPosts(k: K, s: StatsScope): Promise<StatsPosts> {
  const kinds = [...POST_KINDS];
  const month = monthStart(s.to);
  const lists = await Promise.all(kinds.map((kind) => topSubjects(k, s.tenantId, kind, s.from, s.to)));
  const monthly = await topSubjects(k, s.tenantId, 'reaction', month, monthEnd(month));
  const posts = await publicPosts(k, s.tenantId, [...new Set([...lists.flat(), ...monthly])]);
  const listed = (ids: string[]) => ids.filter((id) => posts.has(id)).slice(0, TOP);
  const [byViews, byReactions, byComments] = lists.map(listed) as [string[], string[], string[]];
  const liked = monthly.find((id) => posts.has(id));
  const shownIds = [...new Set([...byViews, ...byReactions, ...byComments])];
  const current = await subjectTotals(k, s.tenantId, 'post', kinds, s.from, s.to, shownIds);
  const before = await subjectTotals(k, s.tenantId, 'post', kinds, s.previous.from, s.previous.to, shownIds);
  const ofMonth = liked ? await subjectTotals(k, s.tenantId, 'post', ['reaction'], month, monthEnd(month), [liked]) : new Map<string, never>();
  const figure = (totals: typeof current, kind: string, id: string) => {
    const t = totals.get(`${kind}:${id}`);
    return t ? shown(t.count, t.people) : null;
  };
  const describe = (id: string, kind: string, totals = current): StatsTopPost => ({
    postId: id,
    excerpt: posts.get(id)!.excerpt,
    groupName: posts.get(id)!.groupName,
    views: figure(totals, 'post_view', id),
    reactions: figure(totals, 'reaction', id),
    comments: figure(totals, 'comment', id),
    previous: figure(before, kind, id),
  });
  return {
    ...periods(s),
    byViews: byViews.map((id) => describe(id, 'post_view')),
    byReactions: byReactions.map((id) => describe(id, 'reaction')),
    byComments: byComments.map((id) => describe(id, 'comment')),
    mostLikedOfMonth: { month: month.slice(0, 7), post: liked ? { ...describe(liked, 'reaction', ofMonth), previous: null } : null },
  };
}

const GROUP_KINDS = ['group_visit', 'post', 'comment'];

export async function groupActivity(k: K, s: StatsScope): Promise<StatsGroups> {
  const current = await subjectTotals(k, s.tenantId, 'group', GROUP_KINDS, s.from, s.to);
  const before = await subjectTotals(k, s.tenantId, 'group', ['group_visit'], s.previous.from, s.previous.to);
  const groups = await k
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('tenant_id', '=', s.tenantId)
    .where('visibility', '!=', 'private')
    .execute();
  const figure = (totals: typeof current, kind: string, id: string) => {
    const t = totals.get(`${kind}:${id}`);
    return t ? shown(t.count, t.people) : null;
  };
  return {
    ...periods(s),
    groups: groups
      .map((g) => {
        const visits = current.get(`group_visit:${g.id}`);
        return {
          groupId: g.id,
          name: g.name,
          visits: figure(current, 'group_visit', g.id),
          averageSeconds: visits && visits.count > 0 ? shown(Math.round(visits.seconds / visits.count), visits.people) : null,
          posts: figure(current, 'post', g.id),
          comments: figure(current, 'comment', g.id),
          previousVisits: figure(before, 'group_visit', g.id),
        };
      })
      .filter((g) => g.visits !== null || g.posts !== null || g.comments !== null)
      .sort((a, b) => (b.visits ?? -1) - (a.visits ?? -1) || (b.posts ?? -1) - (a.posts ?? -1) || (a.name < b.name ? -1 : 1)),
  };
}

/**
 * The search capability's own statistics (it keeps no person, so no filter applies), with the
 * previous period's totals beside them.
 */
export async function searchFigures(k: K, s: StatsScope): Promise<StatsSearch> {
  const now = await searchStats(k, s.tenantId, s.from, s.to);
  const before = await searchStats(k, s.tenantId, s.previous.from, s.previous.to);
  return {
    ...periods(s),
    searches: now.searches,
    previousSearches: before.searches,
    uniqueSearches: now.uniqueSearches,
    previousUniqueSearches: before.uniqueSearches,
    topTerms: now.topTerms,
    noResults: now.noResults,
    noClicks: now.noClicks,
  };
}
