import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { PostReviewSchema } from '../api/routes/reviews.js';

/** A draft under review as the screens show it: with names resolved and whether it is still on this device. */
export const ReviewViewModelSchema = PostReviewSchema.extend({
  authorName: z.string(),
  groupName: z.string().nullable(),
  notes: z.array(PostReviewSchema.shape.notes.element.extend({ authorName: z.string() })),
  /** Still in her outbox: not on the server yet. */
  sending: z.boolean(),
});
export type ReviewViewModel = z.infer<typeof ReviewViewModelSchema>;

export const ReviewListSchema = z.object({ items: z.array(ReviewViewModelSchema), complete: z.boolean() });
export const ReviewTarget = z.strictObject({ id: Id });
