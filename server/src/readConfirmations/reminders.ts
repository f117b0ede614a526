import { uuidv7 } from '../../../common/src/ids.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { write } from '../sync/feed.js';
import { loadAudience } from './audienceQuery.js';
import { storedRequirement } from './serialize.js';

/** Rows per insert: SQLite limits the bound parameters of one statement. */
const CHUNK = 500;

/**
 * A `read_reminder` notification to everyone in the post's audience who has not confirmed, worked out
 * inside the write that sends them, so a confirmation that commits first is not reminded. Answers how
 * many were reminded.
 */
export async function sendReminders(ctx: ServerContext, p: Principal, postId: string): Promise<number> {
  const now = ctx.now();
  return write(ctx, p.tenantId, async (trx, changes) => {
    const row = await trx.selectFrom('posts').select(['id', 'read_requirement']).where('tenant_id', '=', p.tenantId).where('id', '=', postId).executeTakeFirst();
    const stored = row ? storedRequirement(row) : null;
    if (!stored) throw new ApiError('not_found', 'Dit bericht is niet (meer) lezen verplicht.');
    const missing = (await loadAudience(trx, p.tenantId, postId, stored.audience)).filter((r) => r.confirmed_at === null);
    const notifications = missing.map((r) => ({
      tenant_id: p.tenantId,
      id: uuidv7(now.getTime()),
      person_id: r.id,
      kind: 'read_reminder',
      actor_id: p.personId,
      post_id: postId,
      comment_id: null,
      created_at: now.toISOString(),
    }));
    for (let i = 0; i < notifications.length; i += CHUNK) await trx.insertInto('notifications').values(notifications.slice(i, i + CHUNK)).execute();
    for (const n of notifications) changes.add('notification', n.id, 'upsert', `person:${n.person_id}`);
    await trx
      .updateTable('posts')
      .set({ read_requirement: JSON.stringify({ ...stored, remindedAt: now.toISOString() }) })
      .where('tenant_id', '=', p.tenantId)
      .where('id', '=', postId)
      .execute();
    return notifications.length;
  });
}
