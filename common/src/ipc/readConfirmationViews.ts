import { z } from 'zod';
import { ReadReportSchema } from '../api/routes/readConfirmations.js';
import { ReadAudienceSchema } from '../readConfirmations/audience.js';
import { Id } from '../api/primitives.js';

/**
 * A "lezen verplicht" post as it concerns the person looking: `owed` until she presses "Gelezen",
 * then `confirmed`. `laterCount` of `laterLimit` "Later"s used at tap-in; `waiting` while her answer
 * is still in the outbox.
 */
export const MyReadSchema = z.object({
  state: z.enum(['owed', 'confirmed']),
  laterCount: z.number().int(),
  laterLimit: z.number().int(),
  waiting: z.boolean(),
});
export type MyRead = z.infer<typeof MyReadSchema>;

const Choice = z.object({ id: Id, name: z.string() });
/** What an editor can name in an audience: the places and the groups everyone may know. */
export const AudienceChoicesSchema = z.object({ locations: z.array(Choice), departments: z.array(Choice), groups: z.array(Choice) });
export type AudienceChoices = z.infer<typeof AudienceChoicesSchema>;

/** The report as the editor's screen shows it: the server's, with the post's opening words. */
export const ReadReportViewSchema = ReadReportSchema.extend({ excerpt: z.string() });
export type ReadReportView = z.infer<typeof ReadReportViewSchema>;

export const ReadRequirementItemSchema = z.object({
  postId: Id,
  excerpt: z.string(),
  audience: ReadAudienceSchema,
  markedAt: z.string(),
  confirmedCount: z.number().int(),
});
export type ReadRequirementItem = z.infer<typeof ReadRequirementItemSchema>;
