import { z } from 'zod';
import { CATEGORIES_MAX, CategorySchema } from '../entities.js';
import { defineRoute } from '../route.js';
import { normaliseHashtag } from '../../text/hashtags.js';

/** A category as an editor types it: with or without `#`, any case; stored the way hashtags are. */
export const CategoryInput = z.strictObject({
  tag: z
    .string()
    .trim()
    .transform(normaliseHashtag)
    .pipe(
      z
        .string()
        .regex(/^[\p{L}\p{N}_]{1,50}$/u, 'Alleen letters, cijfers en _ (zonder spaties), hoogstens 50 tekens.')
        .refine((t) => !/^\p{N}+$/u.test(t), 'Een categorie van alleen cijfers is geen onderwerp.'),
    ),
  colour: z
    .string()
    .trim()
    .transform((c) => c.toLowerCase())
    .pipe(z.string().regex(/^#[0-9a-f]{6}$/, 'Kies een kleur.')),
});

export const categoryRoutes = {
  setCategories: defineRoute({
    method: 'PUT',
    path: '/v1/categories',
    summary: "Editors: the organisation's fixed categories with their colours, in this order (replaces the list)",
    auth: 'session',
    body: z.strictObject({
      items: z
        .array(CategoryInput)
        .max(CATEGORIES_MAX, `Hoogstens ${CATEGORIES_MAX} categorieën.`)
        .refine((items) => new Set(items.map((i) => i.tag)).size === items.length, 'Elke categorie één keer.'),
    }),
    response: z.object({ items: z.array(CategorySchema) }),
  }),
} as const;
