import { sql, type Kysely } from 'kysely';
import type { StatsReadConfirmations } from '../../../common/src/api/routes/stats.js';
import type { Database } from '../db/schema.js';
import { inReadAudience } from '../readConfirmations/audienceQuery.js';
import { storedRequirement } from '../readConfirmations/serialize.js';
import { amsterdamSlot } from './calendar.js';
import { shown } from './privacy.js';
import type { StatsScope } from './queries.js';

const EXCERPT = 80;

/**
 * How far each "lezen verplicht" message marked in the period has come: its audience as the people
 * data says now (within the filter's location and department) and how many of them confirmed, counted
 * in one statement per message from the read confirmations themselves. A message whose filtered
 * audience is under 10 people is left out; a confirmed count under 10 is hidden. No person is named:
 * that is the read-confirmation report's job, for the message's own editors.
 */
export async function readProgress(k: Kysely<Database>, s: StatsScope): Promise<StatsReadConfirmations> {
  const posts = await k.selectFrom('posts').select(['id', 'body', 'read_requirement']).where('tenant_id', '=', s.tenantId).where('read_requirement', 'is not', null).execute();
  const marked = posts
    .map((p) => ({ post: p, requirement: storedRequirement(p)! }))
    .filter(({ requirement }) => {
      const day = amsterdamSlot(new Date(requirement.markedAt)).day;
      return day >= s.from && day <= s.to;
    })
    .sort((a, b) => (a.requirement.markedAt < b.requirement.markedAt ? 1 : -1));
  const items: StatsReadConfirmations['items'] = [];
  for (const { post, requirement } of marked) {
    let q = k
      .selectFrom('people as p')
      .leftJoin('read_receipts as r', (j) => j.onRef('r.tenant_id', '=', 'p.tenant_id').on('r.post_id', '=', post.id).onRef('r.person_id', '=', 'p.id'))
      .select([sql<number>`count(*)`.as('audience'), sql<number>`count(r.confirmed_at)`.as('confirmed')])
      .where('p.tenant_id', '=', s.tenantId)
      .where('p.active', '=', 1)
      .where((eb) => inReadAudience(eb, s.tenantId, requirement.audience));
    if (s.locationId) q = q.where('p.location_id', '=', s.locationId);
    if (s.departmentId) q = q.where('p.department_id', '=', s.departmentId);
    const row = await q.executeTakeFirst();
    const audience = Number(row?.audience ?? 0);
    const confirmed = Number(row?.confirmed ?? 0);
    if (shown(audience, audience) === null) continue;
    const title = post.body.length > EXCERPT ? `${post.body.slice(0, EXCERPT - 1).trimEnd()}…` : post.body;
    items.push({ subjectId: post.id, title, confirmed: shown(confirmed, confirmed), audience });
  }
  return { period: { from: s.from, to: s.to }, previous: s.previous, available: true, items };
}
