import { z } from 'zod';
import { Id, Timestamp } from '../api/primitives.js';
import { HIDE_REASON_MAX, MODERATION_ITEM_KIND, ModerationEntrySchema, REPORT_NOTE_MAX, REPORT_REASON } from '../api/routes/moderation.js';
import { AuthorViewSchema } from './views.js';

/** A queue entry as the screen shows it: the author as a name and picture from the directory. */
export const ModerationEntryViewSchema = ModerationEntrySchema.omit({ authorId: true }).extend({ author: AuthorViewSchema });
export type ModerationEntryView = z.infer<typeof ModerationEntryViewSchema>;

export const ReportItemInput = z.strictObject({
  itemKind: MODERATION_ITEM_KIND,
  itemId: Id,
  reason: REPORT_REASON,
  note: z.string().trim().max(REPORT_NOTE_MAX).optional(),
});

export const ModerationDecisionInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('hide'), itemKind: MODERATION_ITEM_KIND, itemId: Id, reason: z.string().trim().min(1).max(HIDE_REASON_MAX) }),
  z.strictObject({ action: z.enum(['dismiss', 'restore']), itemKind: MODERATION_ITEM_KIND, itemId: Id }),
]);

/**
 * The home page's side column: this month's most-liked post (with its author when the cache knows
 * the post) and the share of colleagues active this month; null figures are under the small-group
 * rule. `asOf` is when the server said so: offline the last answer is shown.
 */
export const SocialFiguresViewSchema = z.object({
  month: z.string(),
  activePercent: z.number().int().nullable(),
  mostLiked: z
    .object({ postId: Id, excerpt: z.string(), groupName: z.string().nullable(), reactions: z.number().int(), author: AuthorViewSchema.nullable() })
    .nullable(),
  asOf: Timestamp,
});
export type SocialFiguresView = z.infer<typeof SocialFiguresViewSchema>;
