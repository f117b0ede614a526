import { z } from 'zod';
import { PollSchema } from '../api/entities.js';
import { Timestamp } from '../api/primitives.js';
import { CelebrationsSchema } from '../api/routes/celebrations.js';
import { PostViewModelSchema } from './views.js';

const Turn = {
  /** Stable across refreshes: the rotation keeps an item's turn when its content is renewed. */
  key: z.string(),
  seconds: z.number().int().min(1),
  weight: z.number().int().min(1),
  expiresAt: Timestamp.nullable(),
};

/**
 * One item on a kiosk's screen. Each kind has its own component in the renderer's registry
 * (renderer/src/features/kiosk/itemKinds.tsx), so a new kind plugs in without touching the loop.
 */
export const SignageItemSchema = z.discriminatedUnion('kind', [
  /** A post: pinned, new in the location's groups, or the most liked of the week. */
  z.object({ kind: z.literal('post'), ...Turn, label: z.enum(['pinned', 'new', 'topOfWeek']), post: PostViewModelSchema }),
  /** An open "lezen verplicht" post for the kiosk's location. */
  z.object({ kind: z.literal('readRequired'), ...Turn, post: PostViewModelSchema }),
  /** A running poll with the counts everyone may see (null counts: shown after voting or closing). */
  z.object({ kind: z.literal('poll'), ...Turn, poll: PollSchema, authorName: z.string().nullable() }),
  /** An editor's slide. */
  z.object({ kind: z.literal('slide'), ...Turn, title: z.string(), text: z.string(), imageUrl: z.string().nullable() }),
  /** Today's birthdays and work anniversaries at the kiosk's location (first names and departments). */
  z.object({ kind: z.literal('celebrations'), ...Turn, birthdays: CelebrationsSchema.shape.birthdays, anniversaries: CelebrationsSchema.shape.anniversaries }),
]);
export type SignageItem = z.infer<typeof SignageItemSchema>;
export type SignageKind = SignageItem['kind'];

export const SignageViewSchema = z.object({
  items: z.array(SignageItemSchema),
  kioskName: z.string().nullable(),
  locationName: z.string().nullable(),
  /** Nothing in the playlist had content: the latest posts play instead. */
  fallback: z.boolean(),
});
export type SignageView = z.infer<typeof SignageViewSchema>;

