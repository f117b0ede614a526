import { z } from 'zod';
import { Id } from '../api/primitives.js';

/**
 * The kinds of notification a person is told about (on screen, and on a workstation also by the
 * operating system). A kind the server sends that is not listed here is kept in the list of
 * notifications but never announced. Adding a kind: one entry here, one rule in
 * main/core/notify/noticePolicy.ts and its texts in main/core/notify/noticeTexts.ts and the renderer's nl/en.
 */
export const NoticeKind = z.enum(['mention', 'reply', 'read_required', 'reminder', 'join_request', 'post_review', 'moderation']);
export type NoticeKind = z.infer<typeof NoticeKind>;

/** What a notice opens: the post it is about, or the group (a request to join it, for its admins). */
export const NoticeTarget = z.union([z.strictObject({ postId: Id }), z.strictObject({ groupId: Id })]);
export type NoticeTarget = z.infer<typeof NoticeTarget>;

/** A notice as it is told: its kind, who did it, and what it opens. */
export const NoticeSchema = z.union([
  z.strictObject({ kind: NoticeKind, actorName: z.string(), postId: Id }),
  z.strictObject({ kind: NoticeKind, actorName: z.string(), groupId: Id }),
]);
export type Notice = z.infer<typeof NoticeSchema>;

/** The target of a notice (or of a bundle of them), without the rest. */
export const targetOf = (n: NoticeTarget): NoticeTarget => ('postId' in n ? { postId: n.postId } : { groupId: n.groupId });

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/** What the person chose: each kind on or off, "niet storen", and quiet hours (which may span midnight). */
export const NoticeSettingsSchema = z.strictObject({
  doNotDisturb: z.boolean(),
  kinds: z.partialRecord(NoticeKind, z.boolean()),
  quietHours: z.strictObject({ from: ClockTime, to: ClockTime }).nullable(),
});
export type NoticeSettings = z.infer<typeof NoticeSettingsSchema>;

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  doNotDisturb: false,
  kinds: { mention: true, reply: true, read_required: true, reminder: true, join_request: true, post_review: true },
  quietHours: null,
};

/** The languages of the interface; main uses the one the renderer chose for what it says itself. */
export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;
