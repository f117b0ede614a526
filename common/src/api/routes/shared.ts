import { z } from 'zod';
import { Id } from '../primitives.js';

/** Pieces that several capabilities' routes are made of. */
export const IdParams = z.strictObject({ id: Id });
export const Ok = z.object({ ok: z.literal(true) });
export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
