import { z } from 'zod';
import { CommentSchema, PostSchema, ReactionCountsSchema, ReactionKind } from '../entities.js';
import { Id, Limit, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok, Page } from './shared.js';

export const POST_BODY_MAX = 10_000;
export const COMMENT_BODY_MAX = 2_000;
export const POST_IMAGES_MAX = 10;
export const POST_VIDEOS_MAX = 1;

export const PostViewSchema = PostSchema.extend({
  /** Per caller: she gave any reaction; the change feed carries this as a `like` entity instead. */
  likedByMe: z.boolean(),
  /** Per caller: which reaction she gave, if any. */
  myReaction: ReactionKind.nullable().optional(),
  /** Only on a post that waits for its time (see `publishAt`): when it will appear. */
  scheduledFor: Timestamp.optional(),
  /** Only on a post that went to a coach instead of the timeline (meekijken, or approval required). */
  review: z.enum(['look', 'approval']).optional(),
});
export type PostView = z.infer<typeof PostViewSchema>;

const ReactionAnswer = z.object({ likeCount: z.number().int(), reactions: ReactionCountsSchema, myReaction: ReactionKind.nullable() });

export const PostBody = UserText(POST_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf eerst een bericht.'));

export const timelineRoutes = {
  listPosts: defineRoute({
    method: 'GET',
    path: '/v1/posts',
    summary: 'Posts newest first, of the whole organisation or one group, optionally by hashtag or author',
    auth: 'session',
    query: z.strictObject({
      groupId: Id.optional(),
      /** `organisation`: only posts addressed to everyone; default: everything the caller may see. */
      audience: z.enum(['all', 'organisation']).default('all'),
      hashtag: z.string().max(60).optional(),
      authorId: Id.optional(),
      pinned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      cursor: z.string().max(200).optional(),
      limit: Limit(100, 20),
    }),
    response: Page(PostViewSchema),
  }),
  getPost: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id',
    summary: 'One post',
    auth: 'session',
    params: IdParams,
    response: PostViewSchema,
  }),
  createPost: defineRoute({
    method: 'POST',
    path: '/v1/posts',
    summary: 'Create a post for the whole organisation or a group',
    auth: 'session',
    grantable: true,
    body: z.strictObject({
      /** Made by the client (UUIDv7) so an offline post keeps its id; the server makes one if absent. */
      id: Id.optional(),
      body: PostBody,
      groupId: Id.nullable().optional(),
      imageIds: z.array(Id).max(POST_IMAGES_MAX).default([]),
      /** Uploaded with uploadVideo first; needs `photoConsent` as photos do. */
      videoIds: z.array(Id).max(POST_VIDEOS_MAX).default([]),
      pinned: z.boolean().optional(),
      /**
       * Later: until then the post is seen by its author (and editors) in their scheduled posts only.
       * A time already past (an outbox that was offline too long) places it at once.
       */
      publishAt: Timestamp.optional(),
      /** Editors: from then on the post leaves the timeline (its author and editors still find it). */
      endsAt: Timestamp.optional(),
      /** `look`: not posted yet, but a draft a coach looks at first (meekijken). */
      review: z.literal('look').optional(),
      /** With photos or a video, required: recognisable clients or residents on them gave permission. Stored with the post. */
      photoConsent: z.boolean().optional(),
    }),
    response: PostViewSchema,
    status: 201,
  }),
  editPost: defineRoute({
    method: 'PATCH',
    path: '/v1/posts/:id',
    summary: 'Edit your own post (editors may also pin and unpin)',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({
      body: PostBody.optional(),
      imageIds: z.array(Id).max(POST_IMAGES_MAX).optional(),
      videoIds: z.array(Id).max(POST_VIDEOS_MAX).optional(),
      pinned: z.boolean().optional(),
      /** Required when `imageIds` or `videoIds` holds any (see createPost). */
      photoConsent: z.boolean().optional(),
    }),
    response: PostViewSchema,
  }),
  deletePost: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id',
    summary: 'Delete your own post, or any post as editor',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: Ok,
  }),
  listComments: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id/comments',
    summary: 'Comments of a post, oldest first',
    auth: 'session',
    params: IdParams,
    response: z.object({ items: z.array(CommentSchema) }),
  }),
  createComment: defineRoute({
    method: 'POST',
    path: '/v1/posts/:id/comments',
    summary: 'Comment on a post',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({
      id: Id.optional(),
      body: UserText(COMMENT_BODY_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf eerst een reactie.')),
    }),
    response: CommentSchema,
    status: 201,
  }),
  deleteComment: defineRoute({
    method: 'DELETE',
    path: '/v1/comments/:id',
    summary: 'Delete your own comment, or any comment as editor',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  likePost: defineRoute({
    method: 'PUT',
    path: '/v1/posts/:id/like',
    summary: 'Like a post (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: z.object({ likeCount: z.number().int(), likedByMe: z.literal(true) }),
  }),
  setReaction: defineRoute({
    method: 'PUT',
    path: '/v1/posts/:id/reaction',
    summary: 'Give a post your reaction (one per person: another kind replaces it; repeating changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({ kind: ReactionKind }),
    response: ReactionAnswer,
  }),
  removeReaction: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id/reaction',
    summary: 'Take back your reaction, whatever its kind (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: ReactionAnswer,
  }),
  unlikePost: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id/like',
    summary: 'Take back a like (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: z.object({ likeCount: z.number().int(), likedByMe: z.literal(false) }),
  }),
} as const;
