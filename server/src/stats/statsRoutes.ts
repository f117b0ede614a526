import type { FastifyInstance } from 'fastify';
import { routes } from '../../../common/src/api/routes.js';
import { STATS_DAYS_MAX, type ClientStatsEvent, type StatsQuery } from '../../../common/src/api/routes/stats.js';
import { deviceKindOf, requireRole, type Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { REPLY_SENT, register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { addDays, amsterdamSlot, daysBetween, previousPeriod } from './calendar.js';
import type { StatsScope } from './queries.js';
import { readProgress } from './readProgress.js';
import { foldAllQueuedActivity, queueActivity, type ActivityEvent, type StatsSubject } from './record.js';
import { reports } from './reports.js';
import { socialFigures } from './social.js';
import { statsCsv } from './statsCsv.js';

/** A client that was offline longer than this sends statistics nobody needs any more: they are dropped. */
const MAX_AGE_MS = 24 * 3_600_000;
/** Clocks drift: an event this far in the future is still today's. */
const MAX_AHEAD_MS = 5 * 60_000;
/** Batches per person per hour: a client flushes every few minutes and at every lock. */
const BATCHES_PER_HOUR = 120;
const DEFAULT_DAYS = 28;

const SUBJECT_TYPE: Record<ClientStatsEvent['kind'], StatsSubject['type'] | null> = { session: null, post_view: 'post', group_visit: 'group', mailing_visit: 'mailing' };

export function registerStatsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.recordStatsEvents, async ({ body, principal: p }) => {
    await hitRateLimit(ctx, p.tenantId, `stats:${p.personId}`, { limit: BATCHES_PER_HOUR, windowSeconds: 3600 });
    const now = ctx.now().getTime();
    const deviceKind = deviceKindOf(p);
    const events: ActivityEvent[] = [];
    for (const e of body.events) {
      const at = Date.parse(e.at);
      if (at < now - MAX_AGE_MS || at > now + MAX_AHEAD_MS) continue;
      const type = SUBJECT_TYPE[e.kind];
      events.push({
        id: e.id,
        kind: e.kind,
        personId: p.personId,
        at: new Date(Math.min(at, now)),
        deviceKind,
        seconds: e.seconds ?? null,
        subjects: type && e.subjectId ? [{ type, id: e.subjectId }] : [],
      });
    }
    const counted = await ctx.k.transaction().execute((trx) => queueActivity(trx, p.tenantId, events));
    return { accepted: counted.accepted, duplicates: counted.duplicates, dropped: body.events.length - events.length };
  });

  // Everyone signed in: two organisation-wide figures, no person's own.
  register(app, ctx, routes.statsSocial, async ({ principal: p }) => {
    await foldAllQueuedActivity(ctx.db);
    return socialFigures(ctx.k, p.tenantId, ctx.now());
  });
  register(app, ctx, routes.statsActivity, async ({ query, principal }) => reports.activity(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsPeople, async ({ query, principal }) => reports.people(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsSessions, async ({ query, principal }) => reports.sessions(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsDevices, async ({ query, principal }) => reports.devices(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsPosts, async ({ query, principal }) => reports.posts(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsGroups, async ({ query, principal }) => reports.groups(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsSearch, async ({ query, principal }) => reports.search(ctx.k, await scopeOf(ctx, principal, query)));
  register(app, ctx, routes.statsReadConfirmations, async ({ query, principal }) => readProgress(ctx.k, await scopeOf(ctx, principal, query)));

  register(app, ctx, routes.exportStats, async ({ query, principal, reply }) => {
    const { report, ...rest } = query;
    const scope = await scopeOf(ctx, principal, rest);
    const csv = statsCsv(report, await reports[report](ctx.k, scope));
    void reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="statistieken-${report}-${scope.from}-${scope.to}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(`\uFEFF${csv}`);
    return REPLY_SENT;
  });
}

/**
 * Editors and admins only; the period defaults to the last four weeks up to today (Amsterdam). The
 * queued events are folded first, so a report includes the writes made up to the moment it is asked.
 */
async function scopeOf(ctx: ServerContext, p: Principal, q: StatsQuery): Promise<StatsScope> {
  requireRole(p, 'editor');
  const to = q.to ?? amsterdamSlot(ctx.now()).day;
  const from = q.from ?? addDays(to, 1 - DEFAULT_DAYS);
  if (from > to) throw new ApiError('validation', 'De begindatum ligt na de einddatum.', [{ path: 'query.from', message: 'Kies een begindatum vóór de einddatum.' }]);
  if (daysBetween(from, to) >= STATS_DAYS_MAX) {
    throw new ApiError('validation', 'Kies een periode van hoogstens een jaar.', [{ path: 'query.from', message: `Hoogstens ${STATS_DAYS_MAX} dagen.` }]);
  }
  await foldAllQueuedActivity(ctx.db);
  return { tenantId: p.tenantId, from, to, previous: previousPeriod(from, to), locationId: q.locationId, departmentId: q.departmentId };
}
