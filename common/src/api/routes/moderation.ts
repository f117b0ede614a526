import { z } from 'zod';
import { Id, Timestamp } from '../primitives.js';
import { defineRoute } from '../route.js';
import { Ok } from './shared.js';

/** What can be reported: a post or a comment. */
export const MODERATION_ITEM_KIND = z.enum(['post', 'comment']);
export type ModerationItemKind = z.infer<typeof MODERATION_ITEM_KIND>;

/** The fixed reasons to report something; the Dutch labels live in the renderer's texts. */
export const REPORT_REASON = z.enum(['privacy', 'offensive', 'incorrect', 'other']);
export type ReportReason = z.infer<typeof REPORT_REASON>;

export const REPORT_NOTE_MAX = 500;
export const HIDE_REASON_MAX = 300;

export const ReportInput = z.strictObject({
  itemKind: MODERATION_ITEM_KIND,
  itemId: Id,
  reason: REPORT_REASON,
  /** Free text beside the reason ("Anders": what is wrong). */
  note: z.string().trim().max(REPORT_NOTE_MAX).optional(),
});

/** One entry of the queue: an item, however many people reported it. */
export const ModerationEntrySchema = z.object({
  itemKind: MODERATION_ITEM_KIND,
  itemId: Id,
  /** The post itself, or the post the comment is on. */
  postId: Id,
  authorId: Id,
  body: z.string(),
  createdAt: Timestamp,
  status: z.enum(['open', 'hidden', 'dismissed']),
  /** Different people who reported it (each once). */
  reporters: z.number().int(),
  reasons: z.array(z.object({ reason: REPORT_REASON, count: z.number().int() })),
  /** The reporters' own words, newest first, without their names. */
  notes: z.array(z.string()),
  lastReportedAt: Timestamp,
  /** Why it was hidden, while it is. */
  hiddenReason: z.string().nullable(),
});
export type ModerationEntry = z.infer<typeof ModerationEntrySchema>;

const ItemParams = z.strictObject({ kind: MODERATION_ITEM_KIND, id: Id });

const coaches = ' (coaches and editors with their own session; 403 for others)';

export const moderationRoutes = {
  reportItem: defineRoute({
    method: 'POST',
    path: '/v1/moderation/reports',
    summary: 'Report a post or a comment with a reason; one report per person per item (again: changes nothing)',
    auth: 'session',
    grantable: true,
    body: ReportInput,
    response: Ok,
  }),
  moderationQueue: defineRoute({
    method: 'GET',
    path: '/v1/moderation/queue',
    summary: `Reported items waiting for a decision (open) or hidden, newest report first${coaches}`,
    auth: 'session',
    query: z.strictObject({ status: z.enum(['open', 'hidden']).default('open') }),
    response: z.object({ items: z.array(ModerationEntrySchema) }),
  }),
  hideItem: defineRoute({
    method: 'POST',
    path: '/v1/moderation/items/:kind/:id/hide',
    summary: `Hide a post or comment from everyone but its author, who is told the reason${coaches}`,
    auth: 'session',
    params: ItemParams,
    body: z.strictObject({ reason: z.string().trim().min(1).max(HIDE_REASON_MAX) }),
    response: Ok,
  }),
  dismissItem: defineRoute({
    method: 'POST',
    path: '/v1/moderation/items/:kind/:id/dismiss',
    summary: `Keep a reported item as it is and take it out of the queue${coaches}`,
    auth: 'session',
    params: ItemParams,
    response: Ok,
  }),
  restoreItem: defineRoute({
    method: 'POST',
    path: '/v1/moderation/items/:kind/:id/restore',
    summary: `Show a hidden item to everyone again${coaches}`,
    auth: 'session',
    params: ItemParams,
    response: Ok,
  }),
} as const;
