import type { ImageRef, VideoRef } from '../../../common/src/api/entities.js';
import type { Role } from '../../../common/src/api/primitives.js';
import type { Principal } from '../auth/principal.js';
import type { ServerContext } from '../context.js';
import { contentScope } from '../groups/access.js';
import { countServerEvent } from '../stats/serverEvents.js';
import type { ChangeCollector, Trx } from '../sync/feed.js';
import { deletePostVideos } from '../videos/videoStore.js';
import { resolveMentions } from './notifications.js';
import { insertPost, notifyMentioned } from './postRoutes.js';

/**
 * A post held back before it appears: one waiting for its time (`scheduled_posts`) or with a coach
 * (`post_reviews`). Both keep what the author sent, photos and photo consent included, so the post
 * that finally appears is the one she confirmed.
 */
export interface HeldPost {
  tenant_id: string;
  id: string;
  author_id: string;
  group_id: string | null;
  body: string;
  /** `ImageRef[]` JSON: the photos already attached to the post's id. */
  images: string;
  /** `VideoRef[]` JSON, or null: the videos already attached to the post's id. */
  videos?: string | null;
  pinned: boolean;
  ends_at: string | null;
  photo_consent_at: string | null;
}

/** The author as she is now, acting as herself (her roles of today decide, as for any write). */
export async function authorOf(trx: Trx, row: Pick<HeldPost, 'tenant_id' | 'author_id'>): Promise<Principal | null> {
  const person = await trx.selectFrom('people').select(['id', 'roles']).where('tenant_id', '=', row.tenant_id).where('id', '=', row.author_id).executeTakeFirst();
  if (!person) return null;
  return { kind: 'person', tenantId: row.tenant_id, personId: person.id, roles: JSON.parse(person.roles) as Role[], tokenHash: '', deviceId: null, deviceKind: 'workstation', via: 'session' };
}

/** Where the post is announced, or `gone` when its group no longer takes posts from its author. */
export async function placeOf(trx: Trx, row: Pick<HeldPost, 'tenant_id' | 'author_id' | 'group_id'>): Promise<ReturnType<typeof contentScope> | 'gone'> {
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

/**
 * Publishes a held post the caller has just taken out of its table, inside the caller's write: it
 * enters `posts` with its hashtags, mentions, notifications, statistics and change-feed row together.
 * When its author left or her group was archived or removed (or she left it), it would appear where
 * she can no longer write, so it is dropped with its photos instead.
 */
export async function publishHeld(ctx: ServerContext, trx: Trx, changes: ChangeCollector, held: HeldPost): Promise<'published' | 'dropped'> {
  const author = await authorOf(trx, held);
  const place = await placeOf(trx, held);
  if (!author || place === 'gone') {
    await trx.deleteFrom('images').where('tenant_id', '=', held.tenant_id).where('post_id', '=', held.id).execute();
    await deletePostVideos(trx, held.tenant_id, held.id);
    return 'dropped';
  }
  const at = ctx.now();
  const mentions = await resolveMentions(trx, held.tenant_id, held.body);
  await insertPost(trx, author, {
    id: held.id,
    groupId: held.group_id,
    body: held.body,
    mentions,
    images: JSON.parse(held.images) as ImageRef[],
    videos: held.videos ? (JSON.parse(held.videos) as VideoRef[]) : [],
    pinned: held.pinned,
    at: at.toISOString(),
    poll: false,
    endsAt: held.ends_at,
    photoConsentAt: held.photo_consent_at,
  });
  changes.add('post', held.id, 'upsert', place);
  await notifyMentioned(trx, changes, author, { postId: held.id, commentId: null, groupId: held.group_id, mentions, previous: [], now: at });
  await countServerEvent(trx, author, { id: held.id, kind: 'post', at, groupId: held.group_id });
  return 'published';
}
