import type { ServerContext } from '../context.js';
import { settingsFromJson } from '../people/serialize.js';

const DAY_MS = 86_400_000;

/**
 * Maintenance: deletes each organisation's audit entries older than its `auditRetentionDays` (days of
 * 24 hours before now). A stored value outside the allowed range counts as the default, so a typo can
 * never empty the log. Returns how many entries went.
 */
export async function purgeExpiredAuditEvents(ctx: ServerContext): Promise<number> {
  const now = ctx.now().getTime();
  const organisations = await ctx.k.selectFrom('organisations').select(['tenant_id', 'settings']).execute();
  let deleted = 0;
  for (const org of organisations) {
    const before = new Date(now - settingsFromJson(org.settings).auditRetentionDays * DAY_MS).toISOString();
    const result = await ctx.k.deleteFrom('auth_events').where('tenant_id', '=', org.tenant_id).where('at', '<', before).executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}
