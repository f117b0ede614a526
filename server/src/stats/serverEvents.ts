import type { Transaction } from 'kysely';
import type { StatsEventKind } from '../../../common/src/api/routes/stats.js';
import { deviceKindOf, type Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { queueActivity, type StatsSubject } from './record.js';

/**
 * Records what the server itself sees a person do (a post, a comment, a like, a vote), in the
 * transaction of that write, so the event and the content commit together; the fold job adds it to
 * the figures within a second. `id` makes it count once: the content's own id, or for a like the
 * post and person.
 */
export async function countServerEvent(
  trx: Transaction<Database>,
  p: Principal,
  e: { id: string; kind: StatsEventKind; at: Date; postId?: string | null; groupId?: string | null },
): Promise<void> {
  const subjects: StatsSubject[] = [];
  if (e.postId) subjects.push({ type: 'post', id: e.postId });
  if (e.groupId) subjects.push({ type: 'group', id: e.groupId });
  await queueActivity(trx, p.tenantId, [{ id: e.id, kind: e.kind, personId: p.personId, at: e.at, deviceKind: deviceKindOf(p), subjects }]);
}
