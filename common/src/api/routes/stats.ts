import { z } from 'zod';
import { CalendarDate } from '../entities.js';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';

/**
 * Every kind of activity the statistics count, one list for server and client. Clients send only the
 * kinds the server cannot see itself (`CLIENT_STATS_KINDS`); the rest are recorded by the server
 * where the thing happens, so no client can claim a post, a like or a vote it did not make.
 */
export const STATS_EVENT_KIND = z.enum([
  'session',
  'post_view',
  'reaction',
  'comment',
  'post',
  'poll_vote',
  'group_visit',
  'search',
  'search_click',
  'read_confirmation',
  'mailing_visit',
]);
export type StatsEventKind = z.infer<typeof STATS_EVENT_KIND>;

export const CLIENT_STATS_KIND = z.enum(['session', 'post_view', 'group_visit', 'mailing_visit']);
export type ClientStatsKind = z.infer<typeof CLIENT_STATS_KIND>;

export const STATS_DEVICE_KIND = z.enum(['workstation', 'shared', 'kiosk']);
export type StatsDeviceKind = z.infer<typeof STATS_DEVICE_KIND>;

/** Fewer different people than this behind a figure, and the figure is not shown (null). */
export const STATS_MIN_PEOPLE = 10;
export const STATS_BATCH_MAX = 200;
/** A session or visit longer than this is a PC left on, not attention. */
export const STATS_SECONDS_MAX = 8 * 3600;
/** Days the individual events are kept: at most 90 (default), at least 31, an organisation setting. */
export const STATS_RETENTION_DAYS_MAX = 90;
export const STATS_RETENTION_DAYS_MIN = 31;
/** The longest period one dashboard question may cover. */
export const STATS_DAYS_MAX = 366;

export const SESSION_BUCKET = z.enum(['lt1m', '1to5m', '5to15m', '15to30m', 'ge30m']);
export type SessionBucket = z.infer<typeof SESSION_BUCKET>;

/** One event as a client sends it; `id` is made by the client and makes a resent batch count once. */
export const ClientStatsEventSchema = z
  .strictObject({
    id: z.uuid({ error: 'Ongeldig gebeurtenis-id.' }),
    kind: CLIENT_STATS_KIND,
    at: z.iso.datetime({ error: 'Ongeldig tijdstip.' }),
    /** Session length or time spent in a group, in whole seconds. */
    seconds: z.number().int().min(0).max(STATS_SECONDS_MAX).optional(),
    /** The post viewed, the group visited or the mailing followed. */
    subjectId: Id.optional(),
  })
  .refine((e) => (e.kind === 'session' || e.kind === 'group_visit' ? e.seconds !== undefined : true), { message: 'Geef de duur in seconden.', path: ['seconds'] })
  .refine((e) => (e.kind === 'session' ? true : e.subjectId !== undefined), { message: 'Geef waar het om gaat.', path: ['subjectId'] });
export type ClientStatsEvent = z.infer<typeof ClientStatsEventSchema>;

/** A figure, or null when fewer than STATS_MIN_PEOPLE different people are behind it. */
const Figure = z.number().int().nullable();

/** What every dashboard question asks: a period of Amsterdam calendar days (both included) and who. */
export const StatsQuery = z.strictObject({
  from: z.iso.date({ error: 'Kies een geldige begindatum (JJJJ-MM-DD).' }).optional(),
  to: z.iso.date({ error: 'Kies een geldige einddatum (JJJJ-MM-DD).' }).optional(),
  locationId: Id.optional(),
  departmentId: Id.optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

const Period = z.object({ from: CalendarDate, to: CalendarDate });
/** The period asked for and the one just before it, of the same length. */
const Periods = { period: Period, previous: Period };

export const StatsActivitySchema = z.object({
  ...Periods,
  /** 7 × 24 cells, ISO weekday (1 = Monday) and hour in Amsterdam time. */
  byWeekdayHour: z.array(z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), count: Figure, previousCount: Figure })),
  /** The busiest cell that is shown: the best time to post. */
  best: z.object({ weekday: z.number().int(), hour: z.number().int() }).nullable(),
  total: Figure,
  previousTotal: Figure,
});
export type StatsActivity = z.infer<typeof StatsActivitySchema>;

const ActivePeriod = z.object({ from: CalendarDate, to: CalendarDate, active: Figure, previous: Figure });
export const StatsPeopleSchema = z.object({
  ...Periods,
  /** Staff in the directory for the filter: the whole of which `active` is a share. */
  staff: z.number().int(),
  days: z.array(z.object({ day: CalendarDate, active: Figure, previous: Figure })),
  /** The ISO week and calendar month that hold `to`, each against the one before. */
  week: ActivePeriod,
  month: ActivePeriod,
});
export type StatsPeople = z.infer<typeof StatsPeopleSchema>;

export const StatsSessionsSchema = z.object({
  ...Periods,
  buckets: z.array(z.object({ bucket: SESSION_BUCKET, sessions: Figure, previous: Figure })),
  averageSeconds: Figure,
  previousAverageSeconds: Figure,
});
export type StatsSessions = z.infer<typeof StatsSessionsSchema>;

export const StatsDevicesSchema = z.object({
  ...Periods,
  devices: z.array(z.object({ deviceKind: STATS_DEVICE_KIND, sessions: Figure, previous: Figure })),
});
export type StatsDevices = z.infer<typeof StatsDevicesSchema>;

const TopPost = z.object({
  postId: Id,
  /** The start of the post's text. */
  excerpt: z.string(),
  groupName: z.string().nullable(),
  views: Figure,
  reactions: Figure,
  comments: Figure,
  /** The figure the list is ordered by, in the previous period. */
  previous: Figure,
});
export const StatsPostsSchema = z.object({
  ...Periods,
  byViews: z.array(TopPost),
  byReactions: z.array(TopPost),
  byComments: z.array(TopPost),
  /** The calendar month that holds `to`, and its most-liked post. */
  mostLikedOfMonth: z.object({ month: z.string(), post: TopPost.nullable() }),
});
export type StatsPosts = z.infer<typeof StatsPostsSchema>;
export type StatsTopPost = z.infer<typeof TopPost>;

export const StatsGroupsSchema = z.object({
  ...Periods,
  groups: z.array(
    z.object({
      groupId: Id,
      name: z.string(),
      visits: Figure,
      /** Average time per visit. */
      averageSeconds: Figure,
      posts: Figure,
      comments: Figure,
      previousVisits: Figure,
    }),
  ),
});
export type StatsGroups = z.infer<typeof StatsGroupsSchema>;

const TermCount = z.object({ term: z.string(), searches: z.number().int() });
export const StatsSearchSchema = z.object({
  ...Periods,
  searches: z.number().int(),
  previousSearches: z.number().int(),
  uniqueSearches: z.number().int(),
  previousUniqueSearches: z.number().int(),
  topTerms: z.array(TermCount),
  noResults: z.array(TermCount),
  noClicks: z.array(TermCount),
});
export type StatsSearch = z.infer<typeof StatsSearchSchema>;

/**
 * Read-confirmation progress: `available` is false until read confirmations are recorded (the seam
 * that capability fills through the recording function); then one item per message that asks for it.
 */
export const StatsReadConfirmationsSchema = z.object({
  ...Periods,
  available: z.boolean(),
  items: z.array(z.object({ subjectId: Id, title: z.string(), confirmed: Figure, audience: z.number().int() })),
});
export type StatsReadConfirmations = z.infer<typeof StatsReadConfirmationsSchema>;

export const STATS_REPORT = z.enum(['activity', 'people', 'sessions', 'devices', 'posts', 'groups', 'search']);
export type StatsReport = z.infer<typeof STATS_REPORT>;

/**
 * What the home page's side column shows everyone: this month's most-liked post (from the timeline or
 * an open group) and the share of colleagues active this month, in whole percents. Null where fewer
 * than 10 people are behind a figure, as on the dashboard; never anyone's own activity.
 */
export const StatsSocialSchema = z.object({
  /** The Amsterdam calendar month, `YYYY-MM`. */
  month: z.string(),
  activePercent: z.number().int().min(0).max(100).nullable(),
  mostLiked: z.object({ postId: Id, excerpt: z.string(), groupName: z.string().nullable(), reactions: z.number().int() }).nullable(),
});
export type StatsSocial = z.infer<typeof StatsSocialSchema>;

const editorsSay = ' (editors and admins; figures behind fewer than 10 people are null)';

/** A dashboard report: the same query, the same rights, its own path and answer. */
const statsReport = <const P extends `/v1/stats/${string}`, const S extends z.ZodType>(path: P, summary: string, response: S) =>
  defineRoute({ method: 'GET', path, summary: `${summary}${editorsSay}`, auth: 'session', query: StatsQuery, response });

export const statsRoutes = {
  recordStatsEvents: defineRoute({
    method: 'POST',
    path: '/v1/stats/events',
    summary:
      'A batch of activity the server cannot see itself (sessions, views, group visits, mailing visits), counted for the caller; an event id counts once; events older than a day are dropped; a delivery grant may send it, so a session that ended on a shared PC still counts',
    auth: 'session',
    grantable: true,
    body: z.strictObject({
      events: z
        .array(ClientStatsEventSchema, { error: 'Stuur een lijst met gebeurtenissen.' })
        .min(1, 'Stuur minstens één gebeurtenis.')
        .max(STATS_BATCH_MAX, `Stuur hoogstens ${STATS_BATCH_MAX} gebeurtenissen tegelijk.`),
    }),
    response: z.object({ accepted: z.number().int(), duplicates: z.number().int(), dropped: z.number().int() }),
    status: 202,
  }),
  statsSocial: defineRoute({
    method: 'GET',
    path: '/v1/stats/social',
    summary: "This month's most-liked post and the share of colleagues active this month, for everyone signed in (figures behind fewer than 10 people are null)",
    auth: 'session',
    response: StatsSocialSchema,
  }),
  statsActivity: statsReport('/v1/stats/activity', 'Activity by ISO weekday and hour (Amsterdam time), with the best time to post', StatsActivitySchema),
  statsPeople: statsReport('/v1/stats/people', 'Active people per day, week and month, against the staff in the directory', StatsPeopleSchema),
  statsSessions: statsReport('/v1/stats/sessions', 'How long sessions last', StatsSessionsSchema),
  statsDevices: statsReport('/v1/stats/devices', 'Sessions per kind of device (workstation, shared PC, kiosk)', StatsDevicesSchema),
  statsPosts: statsReport('/v1/stats/posts', 'Top posts by views, reactions and comments in open groups, and the most-liked post of the month', StatsPostsSchema),
  statsGroups: statsReport('/v1/stats/groups', 'Activity per open group: visits, time spent, posts and comments', StatsGroupsSchema),
  statsSearch: statsReport('/v1/stats/search', 'What people searched for, against the previous period', StatsSearchSchema),
  statsReadConfirmations: statsReport('/v1/stats/read-confirmations', 'How far read confirmations have come', StatsReadConfirmationsSchema),
  exportStats: defineRoute({
    method: 'GET',
    path: '/v1/stats/export.csv',
    summary: `One report as CSV (text/csv, UTF-8, Dutch headers, suppressed figures empty)${editorsSay}`,
    auth: 'session',
    query: StatsQuery.extend({ report: STATS_REPORT }),
    response: z.string(),
  }),
} as const;
