import { z } from 'zod';
import { ImageRefSchema } from '../entities.js';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';
import { PostBody } from './timeline.js';

/**
 * Meekijken: a draft a coach looks at before it is posted, or a post that waits for approval.
 * `look`: she asked a coach, nobody answered yet; `answered`: a coach commented or suggested;
 * `approval`: waiting for a coach or editor to approve; `returned`: sent back with a comment.
 */
export const ReviewStatus = z.enum(['look', 'answered', 'approval', 'returned']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** What a coach added: a comment, a suggested text (the whole post), or why it was sent back. */
export const ReviewNoteKind = z.enum(['comment', 'suggestion', 'returned']);
export const ReviewNoteSchema = z.object({
  id: Id,
  authorId: Id,
  kind: ReviewNoteKind,
  body: z.string(),
  createdAt: Timestamp,
});
export type ReviewNote = z.infer<typeof ReviewNoteSchema>;

export const PostReviewSchema = z.object({
  id: Id,
  authorId: Id,
  groupId: Id.nullable(),
  body: z.string(),
  images: z.array(ImageRefSchema),
  status: ReviewStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  notes: z.array(ReviewNoteSchema),
});
export type PostReview = z.infer<typeof PostReviewSchema>;

export const REVIEW_NOTE_MAX = 10_000;

export const reviewRoutes = {
  listMyReviews: defineRoute({
    method: 'GET',
    path: '/v1/post-reviews/mine',
    summary: 'Her own drafts with a coach and posts waiting for approval, newest first',
    auth: 'session',
    response: z.object({ items: z.array(PostReviewSchema) }),
  }),
  listReviewQueue: defineRoute({
    method: 'GET',
    path: '/v1/post-reviews/queue',
    summary: '(Coaches, editors) Drafts asking for a look and posts waiting for approval, oldest first',
    auth: 'session',
    response: z.object({ items: z.array(PostReviewSchema) }),
  }),
  getReview: defineRoute({
    method: 'GET',
    path: '/v1/post-reviews/:id',
    summary: 'One draft under review with its notes: for its author, coaches and editors',
    auth: 'session',
    params: IdParams,
    response: PostReviewSchema,
  }),
  addReviewNote: defineRoute({
    method: 'POST',
    path: '/v1/post-reviews/:id/notes',
    summary: '(Coaches, editors) Comment on a draft or suggest a whole new text; its author is told',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({
      id: Id,
      kind: z.enum(['comment', 'suggestion']),
      body: UserText(REVIEW_NOTE_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf eerst iets.')),
    }),
    response: PostReviewSchema,
    status: 201,
  }),
  approveReview: defineRoute({
    method: 'POST',
    path: '/v1/post-reviews/:id/approve',
    summary: '(Coaches, editors) Approve a waiting post: it is published with its notifications, once',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  returnReview: defineRoute({
    method: 'POST',
    path: '/v1/post-reviews/:id/return',
    summary: '(Coaches, editors) Send a waiting post back to its author with a comment',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({ comment: UserText(REVIEW_NOTE_MAX).transform((s) => s.trim()).pipe(z.string().min(1, 'Schrijf waarom.')) }),
    response: PostReviewSchema,
  }),
  publishReview: defineRoute({
    method: 'POST',
    path: '/v1/post-reviews/:id/publish',
    summary: 'The author posts her draft with this text; where approval is required it waits for it',
    auth: 'session',
    grantable: true,
    params: IdParams,
    body: z.strictObject({ body: PostBody }),
    response: z.object({ status: z.enum(['published', 'approval']) }),
  }),
  setPostApproval: defineRoute({
    method: 'PUT',
    path: '/v1/post-approval',
    summary: '(Editors; group admins for their group) Posts of the organisation or a group first need approval',
    auth: 'session',
    body: z.strictObject({ groupId: Id.nullable(), required: z.boolean() }),
    response: z.object({ groupId: Id.nullable(), required: z.boolean() }),
  }),
} as const;
