import type { ImageRef } from '../../../common/src/api/entities.js';
import type { Role } from '../../../common/src/api/primitives.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import type { ScheduledPostsTable } from '../db/schema.js';
import { contentScope } from '../groups/access.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write, type Trx } from '../sync/feed.js';
import { resolveMentions } from '../timeline/notifications.js';
import { insertPost, notifyMentioned } from '../timeline/postRoutes.js';

/** Posts published per run; the rest follow at the next run, a few seconds later. */
const BATCH = 500;

/**
 * Publishes every scheduled post whose time has come, by the server's clock, each in one write: it
 * leaves `scheduled_posts` and enters `posts` with its hashtags, mentions, notifications, statistics
 * and change-feed row together, so before that write nothing of it reaches a sync, search, stream or
 * notification, and after it everything does. The row is deleted first and only the write that
 * deleted it goes on, so two nodes (or a run that overlaps the last) publish a post once. It is a
 * row in the database, not a timer, so a restart loses nothing: the first run after it publishes
 * what fell due meanwhile. Answers how many posts were published.
 */
export async function publishDuePosts(ctx: ServerContext): Promise<number> {
  const now = ctx.now();
  const due = await ctx.k
    .selectFrom('scheduled_posts')
    .select(['tenant_id', 'id'])
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .orderBy('id')
    .limit(BATCH)
    .execute();
  let published = 0;
  const failures: unknown[] = [];
  for (const d of due) {
    try {
      if (await publishOne(ctx, d.tenant_id, d.id)) published++;
    } catch (err) {
      // One post that cannot go must not hold up the others (or other organisations').
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} scheduled post(s) could not be published`);
  return published;
}

function publishOne(ctx: ServerContext, tenantId: string, id: string): Promise<boolean> {
  return write(ctx, tenantId, async (trx, changes) => {
    const row = await trx.deleteFrom('scheduled_posts').where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) return false;
    const author = await authorOf(trx, row);
    const place = await placeOf(trx, row);
    if (!author || place === 'gone') {
      // Her group was archived or removed, or she left it: published anyway, the post would appear
      // where she can no longer write. It is dropped with its photos.
      await trx.deleteFrom('images').where('tenant_id', '=', tenantId).where('post_id', '=', id).execute();
      return false;
    }
    const at = ctx.now();
    const mentions = await resolveMentions(trx, tenantId, row.body);
    await insertPost(trx, author, {
      id: row.id,
      groupId: row.group_id,
      body: row.body,
      mentions,
      images: JSON.parse(row.images) as ImageRef[],
      pinned: row.pinned === 1,
      at: at.toISOString(),
      poll: false,
      endsAt: row.ends_at,
      photoConsentAt: row.photo_consent_at ?? null,
    });
    changes.add('post', row.id, 'upsert', place);
    await notifyMentioned(trx, changes, author, { postId: row.id, commentId: null, groupId: row.group_id, mentions, previous: [], now: at });
    await countServerEvent(trx, author, { id: row.id, kind: 'post', at, groupId: row.group_id });
    return true;
  });
}

/** What publishing a waiting post needs of its row (a scheduled post, or one a coach approved). */
type Waiting = Pick<ScheduledPostsTable, 'tenant_id' | 'author_id' | 'group_id'>;

/** The author as she is now, acting as herself (her roles of today decide, as for any write). */
export async function authorOf(trx: Trx, row: Waiting): Promise<Principal | null> {
  const person = await trx.selectFrom('people').select(['id', 'roles']).where('tenant_id', '=', row.tenant_id).where('id', '=', row.author_id).executeTakeFirst();
  if (!person) return null;
  return { kind: 'person', tenantId: row.tenant_id, personId: person.id, roles: JSON.parse(person.roles) as Role[], tokenHash: '', deviceId: null, via: 'session' };
}

/** Where the post is announced, or `gone` when its group no longer takes posts from its author. */
export async function placeOf(trx: Trx, row: Waiting): Promise<ReturnType<typeof contentScope> | 'gone'> {
  if (!row.group_id) return contentScope(null);
  const group = await trx.selectFrom('groups').select(['id', 'visibility', 'archived_at']).where('tenant_id', '=', row.tenant_id).where('id', '=', row.group_id).executeTakeFirst();
  if (!group || group.archived_at != null) return 'gone';
  const member = await trx
    .selectFrom('group_members')
    .select('person_id')
    .where('tenant_id', '=', row.tenant_id)
    .where('group_id', '=', row.group_id)
    .where('person_id', '=', row.author_id)
    .executeTakeFirst();
  if (!member) return 'gone';
  return contentScope(group);
}
