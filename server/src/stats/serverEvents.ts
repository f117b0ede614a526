import type { Transaction } from 'kysely';
import type { StatsEventKind } from '../../../common/src/api/routes/stats.js';
import { deviceKindOf, type Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { queueActivity, type ActivityEvent, type StatsSubject } from './record.js';

/**
 * Records what the server itself sees a person do (a post, a comment, a like, a vote), in the
 * transaction of that write, so the event and the content commit together; the fold job adds it to
 * the figures within a second. `id` makes it count once: the content's own id, or for a like the
 * post and person.
 */
export async function countServerEvent(trx: Transaction<Database>, p: Principal, e: ServerEvent): Promise<void> {
  await queueActivity(trx, p.tenantId, [serverEvent(p, e)]);
}

type ServerEvent = { id: string; kind: StatsEventKind; at: Date; postId?: string | null; groupId?: string | null };

/** The event as the statistics keep it, for a write that stores it in a statement of its own making. */
export function serverEvent(p: Principal, e: ServerEvent): ActivityEvent {
  const subjects: StatsSubject[] = [];
  if (e.postId) subjects.push({ type: 'post', id: e.postId });
  if (e.groupId) subjects.push({ type: 'group', id: e.groupId });
  return { id: e.id, kind: e.kind, personId: p.personId, at: e.at, deviceKind: deviceKindOf(p), subjects };
}
