import { z } from 'zod';

/**
 * The kinds of notification a person is told about (on screen, and on a workstation also by the
 * operating system). A kind the server sends that is not listed here is kept in the list of
 * notifications but never announced. Adding a kind: one entry here, one rule in
 * main/core/notify/noticePolicy.ts and its texts in main/core/notify/noticeTexts.ts and the renderer's nl/en.
 */
export const NoticeKind = z.enum(['mention', 'reply', 'read_required', 'reminder']);
export type NoticeKind = z.infer<typeof NoticeKind>;

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
  kinds: { mention: true, reply: true, read_required: true, reminder: true },
  quietHours: null,
};

/** The languages of the interface; main uses the one the renderer chose for what it says itself. */
export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;
