import { z } from 'zod';
import {
  CommentSchema,
  DepartmentSchema,
  FavouriteSchema,
  GroupSchema,
  JoinRequestSchema,
  LikeSchema,
  LocationSchema,
  MembershipSchema,
  NotificationSchema,
  OrganisationSchema,
  PageFeedbackSchema,
  PageSchema,
  PersonSchema,
  PollSchema,
  PollVoteSchema,
  PostSchema,
  QuickLinkSchema,
  ReadReceiptSchema,
  SectionSchema,
} from './entities.js';

/**
 * Version of the change-feed payload. Kiosks update later than servers, so a server keeps answering
 * the versions it lists in SUPPORTED_SYNC_PROTOCOLS, leaving out what an older version cannot read
 * (`readableIn`). Each version's additions are listed in ENTITY_SINCE and NOTIFICATION_SINCE:
 * 2 brought the knowledge base; 3 groups in the client, read confirmations and view counts; 4 polls;
 * 5 the `post_review` notification (meekijken) and moderation notices.
 */
export const SYNC_PROTOCOL = 5;
export const SUPPORTED_SYNC_PROTOCOLS = [1, 2, 3, 4, 5] as const;

/**
 * An entity's current state. Fields this version does not know are kept (`loose`), so a client that
 * updates later than its server keeps them in its cache, ready for the version that reads them.
 */
const upsert = <E extends string, Shape extends z.ZodRawShape>(entity: E, data: z.ZodObject<Shape>) =>
  z.object({ seq: z.number().int(), entity: z.literal(entity), id: z.string(), op: z.literal('upsert'), data: data.loose() });

export const EntityName = z.enum([
  'organisation',
  'location',
  'department',
  'person',
  'group',
  'membership',
  'post',
  'comment',
  'like',
  'notification',
  // The knowledge base: sections, pages and quick links are shared; favourites and feedback personal.
  'section',
  'page',
  'quickLink',
  'favourite',
  'pageFeedback',
  // Groups in the client: requests to join a closed group, for their person and the group's admins.
  'joinRequest',
  // Read confirmations: one's own answer to a "lezen verplicht" post (personal).
  'readReceipt',
  // Polls: the poll with its counts (beside its post) and one's own vote (personal).
  'poll',
  'pollVote',
]);
export type EntityName = z.infer<typeof EntityName>;

/**
 * A tombstone says "forget this". Removing a group removes its posts and their comments, and removing a
 * post removes its comments and likes: a person taken out of a private group gets one tombstone for
 * the group, not one per post.
 */
export const TombstoneSchema = z.object({
  seq: z.number().int(),
  entity: EntityName,
  id: z.string(),
  op: z.literal('delete'),
});

export const SyncChangeSchema = z.union([
  upsert('organisation', OrganisationSchema),
  upsert('location', LocationSchema),
  upsert('department', DepartmentSchema),
  upsert('person', PersonSchema),
  upsert('group', GroupSchema),
  upsert('membership', MembershipSchema),
  upsert('post', PostSchema),
  upsert('comment', CommentSchema),
  upsert('like', LikeSchema),
  upsert('notification', NotificationSchema),
  upsert('section', SectionSchema),
  upsert('page', PageSchema),
  upsert('quickLink', QuickLinkSchema),
  upsert('favourite', FavouriteSchema),
  upsert('pageFeedback', PageFeedbackSchema),
  upsert('joinRequest', JoinRequestSchema),
  upsert('readReceipt', ReadReceiptSchema),
  upsert('poll', PollSchema),
  upsert('pollVote', PollVoteSchema),
  TombstoneSchema,
]);
export type SyncChange = z.infer<typeof SyncChangeSchema>;

/**
 * Which part of the feed: `shared` is what every employee may see (the part a device keeps on disk);
 * `personal` is the caller's private groups and own items (likes, memberships, notifications), which
 * clients keep in memory only; `all` is both.
 */
export const SyncScope = z.enum(['all', 'shared', 'personal']);
export type SyncScope = z.infer<typeof SyncScope>;

export const SyncQuerySchema = z.strictObject({
  since: z.coerce.number().int().min(0).default(0),
  scope: SyncScope.default('all'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  protocol: z.coerce.number().int().default(SYNC_PROTOCOL),
});

export const SyncResponseSchema = z.object({
  protocol: z.number().int(),
  changes: z.array(SyncChangeSchema),
  /** Pass as `since` for the next page; the last seq this page covered. */
  next: z.number().int(),
  hasMore: z.boolean(),
});
export type SyncResponse = z.infer<typeof SyncResponseSchema>;

/** Key a client uses for a membership entity: one person in one group. */
export const membershipKey = (groupId: string, personId: string) => `${groupId}:${personId}`;
/** Key of a like entity: one person's like of one post. */
export const likeKey = (postId: string, personId: string) => `${postId}:${personId}`;
/** Key of a favourite or a page-feedback entity: one person's, on one page. */
export const pagePersonKey = (pageId: string, personId: string) => `${pageId}:${personId}`;
/** Key of a read receipt: one person's answer to one "lezen verplicht" post. */
export const readReceiptKey = (postId: string, personId: string) => `${postId}:${personId}`;
/** Key of a poll vote: one person's vote in one poll. */
export const pollVoteKey = (pollId: string, personId: string) => `${pollId}:${personId}`;

/** The protocol version that brought each entity; those not listed were there from version 1. */
const ENTITY_SINCE: Partial<Record<EntityName, number>> = { section: 2, page: 2, quickLink: 2, favourite: 2, pageFeedback: 2, joinRequest: 3, readReceipt: 3, poll: 4, pollVote: 4 };

/** The protocol version that brought each kind of notification; those not listed were there from version 1. */
const NOTIFICATION_SINCE: Partial<Record<string, number>> = { review_due: 2, join_request: 3, group_added: 3, read_reminder: 3, post_review: 5, moderation_hidden: 5 };

/**
 * Whether a client speaking `protocol` can read this change: an entity (or a kind of notification)
 * newer than its version would fail its whole page, so the server leaves it out for that client.
 */
export function readableIn(protocol: number, change: SyncChange): boolean {
  if ((ENTITY_SINCE[change.entity] ?? 1) > protocol) return false;
  if (change.op !== 'upsert' || change.entity !== 'notification') return true;
  return (NOTIFICATION_SINCE[change.data.kind] ?? 1) <= protocol;
}
