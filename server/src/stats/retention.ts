import { STATS_RETENTION_DAYS_MAX, STATS_RETENTION_DAYS_MIN } from '../../../common/src/api/routes/stats.js';
import type { ServerContext } from '../context.js';
import { addDays, amsterdamSlot } from './calendar.js';

const DAY_MS = 86_400_000;

/**
 * The organisation's `statsRetentionDays` from its settings, 90 when missing or out of range. It is
 * read here and not in the shared settings schema, because that schema travels to every client and
 * its cache, and a setting only the server uses has no business there.
 */
export function statsRetentionDays(settingsJson: string): number {
  try {
    const value = (JSON.parse(settingsJson) as Record<string, unknown>).statsRetentionDays;
    if (typeof value === 'number' && Number.isInteger(value) && value >= STATS_RETENTION_DAYS_MIN && value <= STATS_RETENTION_DAYS_MAX) return value;
  } catch {
    // Unreadable settings: the default.
  }
  return STATS_RETENTION_DAYS_MAX;
}

/**
 * Maintenance: forgets each organisation's individual events and who was active when, once older
 * than its retention. The counts made from them stay. At least 31 days, so a week or month whose
 * people are forgotten is over and nobody can be counted twice in it.
 */
export async function purgeOldStatsEvents(ctx: ServerContext): Promise<number> {
  const now = ctx.now().getTime();
  const organisations = await ctx.k.selectFrom('organisations').select(['tenant_id', 'settings']).execute();
  let deleted = 0;
  for (const org of organisations) {
    const before = new Date(now - statsRetentionDays(org.settings) * DAY_MS);
    // An event still queued is kept until the fold has counted it; the next run forgets it.
    const events = await ctx.k
      .deleteFrom('stats_events')
      .where('tenant_id', '=', org.tenant_id)
      .where('at', '<', before.toISOString())
      .where('folded', '=', 1)
      .executeTakeFirst();
    // Presence is per Amsterdam day: a day goes when all of it is past the retention.
    const lastDay = addDays(amsterdamSlot(before).day, -1);
    await ctx.k.deleteFrom('stats_presence').where('tenant_id', '=', org.tenant_id).where('day', '<=', lastDay).execute();
    deleted += Number(events.numDeletedRows);
  }
  return deleted;
}
