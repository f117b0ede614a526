import { z } from 'zod';
import { defineRoute } from '../route.js';

/** Who is celebrated, as a kiosk may show her: a first name and a department, nothing else. */
const Celebrated = z.object({ firstName: z.string(), department: z.string().nullable() });

/**
 * Today's birthdays and work anniversaries for a kiosk's location (its whole organisation when it has
 * none). `day` is the Amsterdam day they are for: a kiosk that plays on from its cache past midnight
 * shows them no longer. A kind the organisation has switched off is an empty list.
 */
export const CelebrationsSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  birthdays: z.array(Celebrated),
  anniversaries: z.array(Celebrated.extend({ years: z.number().positive() })),
});
export type Celebrations = z.infer<typeof CelebrationsSchema>;

/** Her own choice about the kiosks: whether her birthday shows there (when the organisation shows birthdays). */
export const MyCelebrationsSchema = z.object({
  /** Whether the organisation has her birthday at all. */
  birthdayKnown: z.boolean(),
  birthdayShown: z.boolean(),
  /** Whether the organisation shows birthdays on its kiosks. */
  organisationShowsBirthdays: z.boolean(),
});
export type MyCelebrations = z.infer<typeof MyCelebrationsSchema>;

export const celebrationRoutes = {
  getMyCelebrations: defineRoute({
    method: 'GET',
    path: '/v1/me/celebrations',
    summary: 'Whether her birthday shows on the kiosks',
    auth: 'session',
    response: MyCelebrationsSchema,
  }),
  setMyCelebrations: defineRoute({
    method: 'PUT',
    path: '/v1/me/celebrations',
    summary: 'Show or hide her birthday on the kiosks (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    body: z.strictObject({ birthdayShown: z.boolean() }),
    response: MyCelebrationsSchema,
  }),
} as const;
