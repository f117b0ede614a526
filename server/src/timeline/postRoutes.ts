import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { decodeCursor, encodeCursor } from '../../../common/src/api/cursor.js';
import type { VideoRef } from '../../../common/src/api/entities.js';
import { routes } from '../../../common/src/api/routes.js';
import { uuidv7 } from '../../../common/src/ids.js';
import { normaliseHashtag, parseHashtags } from '../../../common/src/text/hashtags.js';
import { recordActionOf, targetRef } from '../audit/audit.js';
import { hasRole, mayModerate, type Principal } from '../auth/principal.js';
import { countServerEvent } from '../stats/serverEvents.js';
import { write, type ChangeCollector, type Trx } from '../sync/feed.js';
import type { ServerContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { assertNotArchived, canSeeGroupContent, contentScope, visibleGroup } from '../groups/access.js';
import { ApiError, forbidden, notFound } from '../http/apiError.js';
import { register } from '../http/register.js';
import { hitRateLimit } from '../limits/rateLimit.js';
import { shownPosts } from '../moderation/access.js';
import { deletePollRows } from '../polls/pollStore.js';
import { approvalRequired, reviewPostView, storeReview } from '../reviews/reviewStore.js';
import { postTiming } from '../scheduling/postTiming.js';
import { findScheduledPost, removeScheduledPost, scheduledPostView, storeScheduledPost } from '../scheduling/scheduledPosts.js';
import { attachImages, detachImagesExcept } from './images.js';
import { attachVideos, detachVideosExcept, storedVideos } from './videos.js';
import { deletePostVideos } from '../videos/videoStore.js';
import { photoConsentAt } from './photoConsent.js';
import { notifyPerson, privateAudience, resolveMentions } from './notifications.js';
import { toPostViews, visiblePost } from './queries.js';
import type { StoredMention } from './serialize.js';

export function registerPostRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.listPosts, async ({ query, principal: p }) => {
    let q = ctx.k
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.tenant_id', '=', p.tenantId)
      .where(canSeeGroupContent(p, 'posts.group_id'))
      .where(shownPosts(p));
    if (query.groupId) {
      await visibleGroup(ctx.k, p, query.groupId);
      q = q.where('posts.group_id', '=', query.groupId);
    } else if (query.audience === 'organisation') {
      q = q.where('posts.group_id', 'is', null);
    }
    if (query.hashtag) {
      const tag = normaliseHashtag(query.hashtag);
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('post_hashtags as h')
            .select('h.post_id')
            .where('h.tenant_id', '=', p.tenantId)
            .where('h.tag', '=', tag)
            .whereRef('h.post_id', '=', 'posts.id'),
        ),
      );
    }
    if (query.authorId) q = q.where('posts.author_id', '=', query.authorId);
    if (query.pinned !== undefined) q = q.where('posts.pinned', '=', query.pinned ? 1 : 0);
    // A post past its end date has left the timeline; its author and editors still find it among her posts.
    const ownList = query.authorId !== undefined && (query.authorId === p.personId || hasRole(p, 'editor'));
    if (!ownList) {
      const now = ctx.now().toISOString();
      q = q.where((eb) => eb.or([eb('posts.ends_at', 'is', null), eb('posts.ends_at', '>', now)]));
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      if (!c) throw new ApiError('validation', 'Ongeldige cursor.', [{ path: 'query.cursor', message: 'Ongeldig.' }]);
      q = q.where((eb) =>
        eb.or([eb('posts.created_at', '<', c.at), eb.and([eb('posts.created_at', '=', c.at), eb('posts.id', '<', c.id)])]),
      );
    }
    const rows = await q.orderBy('posts.created_at', 'desc').orderBy('posts.id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await toPostViews(ctx.k, p, page),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
    };
  });

  register(app, ctx, routes.getPost, async ({ params, principal: p }) => {
    const row = await visiblePost(ctx.k, p, params.id);
    return (await toPostViews(ctx.k, p, [row]))[0]!;
  });

  register(app, ctx, routes.createPost, async ({ body, principal: p }) => {
    await hitRateLimit(ctx, p.tenantId, `posts:${p.personId}`, { limit: 30, windowSeconds: 600 });
    if (body.pinned && !mayModerate(p)) throw forbidden('Alleen redacteuren kunnen berichten vastzetten.');
    if (body.endsAt !== undefined && !mayModerate(p)) throw forbidden('Alleen redacteuren kunnen een einddatum zetten.');
    const timing = postTiming(ctx.now(), body.publishAt, body.endsAt);
    const consentAt = photoConsentAt([...body.imageIds, ...body.videoIds], body.photoConsent, ctx.now());
    const id = body.id ?? uuidv7(ctx.now().getTime());
    const groupId = body.groupId ?? null;
    let group = null;
    if (groupId) {
      const found = await visibleGroup(ctx.k, p, groupId);
      if (!found.membership) throw forbidden('Word eerst lid van deze groep om erin te posten.');
      assertNotArchived(found.group);
      group = found.group;
    }
    const existing = await ctx.k.selectFrom('posts').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
    const waiting = existing ? undefined : await ctx.k.selectFrom('scheduled_posts').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
    const reviewing = existing || waiting ? undefined : await ctx.k.selectFrom('post_reviews').selectAll().where('tenant_id', '=', p.tenantId).where('id', '=', id).executeTakeFirst();
    if (existing || waiting || reviewing) {
      // The same post delivered twice by an outbox whose first answer was lost: hand back what
      // exists (published meanwhile, still waiting for its time, or with a coach).
      const same = (existing ?? waiting ?? reviewing)!;
      if (same.author_id !== p.personId || (same.body !== body.body && !reviewing)) throw new ApiError('conflict', 'Er bestaat al een bericht met dit id.');
      if (reviewing) return reviewPostView(reviewing);
      return existing ? (await toPostViews(ctx.k, p, [existing]))[0]! : scheduledPostView(waiting!);
    }
    const now = ctx.now().toISOString();
    // Meekijken: asked for, or required here for her. The post waits with a coach instead of appearing.
    const review = body.review ?? ((await approvalRequired(ctx.k, p, groupId)) ? 'approval' : undefined);
    if (review) {
      if (timing.publishAt) throw new ApiError('validation', 'Een bericht dat een coach eerst bekijkt, kun je niet plannen.', [{ path: 'body.publishAt', message: 'Plaats het na het meekijken.' }]);
      const row = await ctx.k
        .transaction()
        .execute((trx) => storeReview(trx, p, { id, groupId, body: body.body, imageIds: body.imageIds, videoIds: body.videoIds, status: review, now, photoConsentAt: consentAt }));
      return reviewPostView(row);
    }
    if (timing.publishAt) {
      const publishAt = timing.publishAt;
      const row = await ctx.k
        .transaction()
        .execute((trx) =>
          storeScheduledPost(trx, p, { id, groupId, body: body.body, imageIds: body.imageIds, videoIds: body.videoIds, pinned: body.pinned === true, publishAt, endsAt: timing.endsAt, now, photoConsentAt: consentAt }),
        );
      return scheduledPostView(row);
    }
    await write(ctx, p.tenantId, async (trx, changes) => {
      const images = await attachImages(trx, p.tenantId, p.personId, id, body.imageIds);
      const videos = await attachVideos(trx, p.tenantId, p.personId, id, body.videoIds);
      const mentions = await resolveMentions(trx, p.tenantId, body.body);
      await insertPost(trx, p, { id, groupId, body: body.body, mentions, images, videos, pinned: body.pinned === true, at: now, poll: false, endsAt: timing.endsAt, photoConsentAt: consentAt });
      changes.add('post', id, 'upsert', contentScope(group));
      await notifyMentioned(trx, changes, p, { postId: id, commentId: null, groupId, mentions, previous: [], now: ctx.now() });
      await countServerEvent(trx, p, { id, kind: 'post', at: ctx.now(), groupId });
    });
    return (await toPostViews(ctx.k, p, [await visiblePost(ctx.k, p, id)]))[0]!;
  });

  register(app, ctx, routes.editPost, async ({ params, body, principal: p }) => {
    const post = await visiblePost(ctx.k, p, params.id);
    const editsMedia = body.imageIds !== undefined || body.videoIds !== undefined;
    const editsContent = body.body !== undefined || editsMedia;
    if (editsContent && post.author_id !== p.personId) throw forbidden('Je kunt alleen je eigen berichten bewerken.');
    if (body.pinned !== undefined && !mayModerate(p)) throw forbidden('Alleen redacteuren kunnen berichten vastzetten.');
    // The photos and video the post will have: what the edit names, else what it has.
    const mediaAfter = [...(body.imageIds ?? (JSON.parse(post.images) as { id: string }[]).map((i) => i.id)), ...(body.videoIds ?? (JSON.parse(post.videos ?? '[]') as { id: string }[]).map((v) => v.id))];
    const consentAt = editsMedia ? photoConsentAt(mediaAfter, body.photoConsent, ctx.now()) : undefined;
    const now = ctx.now().toISOString();
    await write(ctx, p.tenantId, async (trx, changes) => {
      const update: Record<string, string | number | null> = {};
      if (body.body !== undefined && body.body !== post.body) {
        const mentions = await resolveMentions(trx, p.tenantId, body.body);
        const hashtags = parseHashtags(body.body);
        Object.assign(update, { body: body.body, hashtags: JSON.stringify(hashtags), mentions: JSON.stringify(mentions), edited_at: now });
        await trx.deleteFrom('post_hashtags').where('tenant_id', '=', p.tenantId).where('post_id', '=', post.id).execute();
        await saveHashtags(trx, p.tenantId, post.id, hashtags, post.created_at);
        const previous = JSON.parse(post.mentions) as StoredMention[];
        await notifyMentioned(trx, changes, p, { postId: post.id, commentId: null, groupId: post.group_id, mentions, previous, now: ctx.now() });
      }
      if (body.imageIds !== undefined) {
        await detachImagesExcept(trx, p.tenantId, post.id, body.imageIds);
        const images = await attachImages(trx, p.tenantId, p.personId, post.id, body.imageIds);
        Object.assign(update, { images: JSON.stringify(images), edited_at: now });
      }
      if (body.videoIds !== undefined) {
        await detachVideosExcept(trx, p.tenantId, post.id, body.videoIds);
        const videos = await attachVideos(trx, p.tenantId, p.personId, post.id, body.videoIds);
        Object.assign(update, { videos: storedVideos(videos), edited_at: now });
      }
      if (editsMedia) update.photo_consent_at = consentAt ?? null;
      if (body.pinned !== undefined) update.pinned = body.pinned ? 1 : 0;
      if (Object.keys(update).length === 0) return;
      await trx.updateTable('posts').set(update).where('tenant_id', '=', p.tenantId).where('id', '=', post.id).execute();
      if (body.pinned !== undefined && body.pinned !== (post.pinned === 1) && post.author_id !== p.personId) {
        await recordActionOf(trx, p, { action: body.pinned ? 'post_pinned' : 'post_unpinned', target: targetRef('post', post.id), detail: { author: targetRef('person', post.author_id) } }, ctx.now());
      }
      changes.add('post', post.id, 'upsert', await scopeOfGroup(trx, p.tenantId, post.group_id));
    });
    return (await toPostViews(ctx.k, p, [await visiblePost(ctx.k, p, post.id)]))[0]!;
  });

  register(app, ctx, routes.deletePost, async ({ params, principal: p }) => {
    const waiting = await findScheduledPost(ctx.k, p, params.id);
    if (waiting) {
      if (waiting.author_id !== p.personId && !mayModerate(p)) throw forbidden('Je kunt alleen je eigen berichten verwijderen.');
      await ctx.k.transaction().execute(async (trx) => {
        if (!(await removeScheduledPost(trx, p.tenantId, waiting.id))) return;
        if (waiting.author_id !== p.personId) {
          const detail = { author: targetRef('person', waiting.author_id), group: waiting.group_id && targetRef('group', waiting.group_id), scheduled: 'true' };
          await recordActionOf(trx, p, { action: 'post_deleted', target: targetRef('post', waiting.id), detail }, ctx.now());
        }
      });
      return { ok: true as const };
    }
    const post = await visiblePost(ctx.k, p, params.id);
    if (post.author_id !== p.personId && !mayModerate(p)) throw forbidden('Je kunt alleen je eigen berichten verwijderen.');
    await write(ctx, p.tenantId, async (trx, changes) => {
      if (post.author_id !== p.personId) {
        const detail = { author: targetRef('person', post.author_id), group: post.group_id && targetRef('group', post.group_id) };
        await recordActionOf(trx, p, { action: 'post_deleted', target: targetRef('post', post.id), detail }, ctx.now());
      }
      await deletePostRows(trx, changes, p.tenantId, post.id, await scopeOfGroup(trx, p.tenantId, post.group_id));
      // A post hidden once went to its author's personal feed as well; the tombstone must reach it there.
      if (post.hidden_by) changes.add('post', post.id, 'delete', `person:${post.author_id}`);
    });
    return { ok: true as const };
  });
}

/** A new post of the caller, with its hashtags; a poll's question is its text. */
export async function insertPost(
  trx: Trx,
  p: Principal,
  post: {
    id: string;
    groupId: string | null;
    body: string;
    mentions: StoredMention[];
    images: unknown[];
    videos?: VideoRef[];
    pinned: boolean;
    at: string;
    poll: boolean;
    endsAt?: string | null;
    photoConsentAt?: string | null;
    conversationStarter?: boolean;
  },
): Promise<void> {
  const hashtags = parseHashtags(post.body);
  await trx
    .insertInto('posts')
    .values({
      tenant_id: p.tenantId,
      id: post.id,
      author_id: p.personId,
      group_id: post.groupId,
      body: post.body,
      hashtags: JSON.stringify(hashtags),
      mentions: JSON.stringify(post.mentions),
      images: JSON.stringify(post.images),
      videos: storedVideos(post.videos ?? []),
      pinned: post.pinned ? 1 : 0,
      like_count: 0,
      comment_count: 0,
      created_at: post.at,
      edited_at: null,
      poll: post.poll ? 1 : 0,
      ends_at: post.endsAt ?? null,
      photo_consent_at: post.photoConsentAt ?? null,
      conversation_starter: post.conversationStarter ? 1 : 0,
    })
    .execute();
  await saveHashtags(trx, p.tenantId, post.id, hashtags, post.at);
}

async function saveHashtags(trx: Trx, tenantId: string, postId: string, tags: string[], createdAt: string) {
  if (tags.length === 0) return;
  await trx
    .insertInto('post_hashtags')
    .values(tags.map((tag) => ({ tenant_id: tenantId, tag, post_id: postId, created_at: createdAt })))
    .execute();
}

export async function scopeOfGroup(trx: Kysely<Database>, tenantId: string, groupId: string | null, o: { writing?: boolean } = {}) {
  if (!groupId) return contentScope(null);
  const group = await trx.selectFrom('groups').select(['id', 'visibility', 'archived_at']).where('tenant_id', '=', tenantId).where('id', '=', groupId).executeTakeFirst();
  if (!group) throw notFound();
  // Adding to an archived group's content is refused; removing from it (moderation) is not.
  if (o.writing) assertNotArchived(group);
  return contentScope(group);
}

/** Mentions notify only people who can see the text, and only once per person. */
export async function notifyMentioned(
  trx: Trx,
  changes: ChangeCollector,
  p: Principal,
  m: { postId: string; commentId: string | null; groupId: string | null; mentions: StoredMention[]; previous: StoredMention[]; now: Date },
): Promise<void> {
  const already = new Set(m.previous.map((x) => x.personId));
  const audience = await privateAudience(trx, p.tenantId, m.groupId);
  for (const mention of m.mentions) {
    if (already.has(mention.personId) || (audience && !audience.has(mention.personId))) continue;
    await notifyPerson(trx, changes, {
      tenantId: p.tenantId,
      personId: mention.personId,
      kind: 'mention',
      actorId: p.personId,
      postId: m.postId,
      commentId: m.commentId,
      now: m.now,
    });
  }
}

/** Removes a post with everything hanging off it; the feed gets tombstones, so caches forget it too. */
async function deletePostRows(trx: Trx, changes: ChangeCollector, tenantId: string, postId: string, scope: ReturnType<typeof contentScope>) {
  const notifications = await trx
    .selectFrom('notifications')
    .select(['id', 'person_id'])
    .where('tenant_id', '=', tenantId)
    .where('post_id', '=', postId)
    .execute();
  for (const n of notifications) changes.add('notification', n.id, 'delete', `person:${n.person_id}`);
  await trx.deleteFrom('notifications').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('comments').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('likes').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('read_receipts').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('post_views').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('post_view_pending').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await trx.deleteFrom('post_hashtags').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await deletePollRows(trx, changes, tenantId, postId, scope);
  await trx.deleteFrom('images').where('tenant_id', '=', tenantId).where('post_id', '=', postId).execute();
  await deletePostVideos(trx, tenantId, postId);
  await trx.deleteFrom('posts').where('tenant_id', '=', tenantId).where('id', '=', postId).execute();
  changes.add('post', postId, 'delete', scope);
}
