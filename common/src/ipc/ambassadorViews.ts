import { z } from 'zod';
import { AmbassadorEntrySchema } from '../api/routes/ambassadors.js';
import { Id } from '../api/primitives.js';

/** An ambassador as the screen shows her: the directory's names of her place, her photo as a URL. */
export const AmbassadorViewSchema = AmbassadorEntrySchema.extend({
  departmentName: z.string().nullable(),
  locationName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
});
export type AmbassadorView = z.infer<typeof AmbassadorViewSchema>;

/** The list, and the places it can be narrowed to (those its ambassadors work at). */
export const AmbassadorListSchema = z.object({
  items: z.array(AmbassadorViewSchema),
  locations: z.array(z.object({ id: Id, name: z.string() })),
  departments: z.array(z.object({ id: Id, name: z.string() })),
});
export type AmbassadorList = z.infer<typeof AmbassadorListSchema>;
