import { z } from 'zod';
import { PersonSchema } from '../entities.js';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams } from './shared.js';

/** An ambassador as "Vraag het een ambassadeur" lists her; `near`: she works where the asker does. */
export const AmbassadorEntrySchema = z.object({
  person: PersonSchema,
  near: z.enum(['both', 'location', 'department', 'none']),
});
export type AmbassadorEntry = z.infer<typeof AmbassadorEntrySchema>;

/** Whether her first-time tour should show at her next start; `requestedBy`: the ambassador who asked. */
export const MyTourSchema = z.object({ pending: z.boolean(), requestedBy: Id.nullable() });
export type MyTour = z.infer<typeof MyTourSchema>;

export const ambassadorRoutes = {
  listAmbassadors: defineRoute({
    method: 'GET',
    path: '/v1/ambassadors',
    summary: 'Vraag het een ambassadeur: those of her own location and department first, then the others, by name',
    auth: 'session',
    query: z.strictObject({ locationId: Id.optional(), departmentId: Id.optional() }),
    response: z.object({ items: z.array(AmbassadorEntrySchema) }),
  }),
  setAmbassador: defineRoute({
    method: 'PUT',
    path: '/v1/people/:id/ambassador',
    summary: '(Admin, editor) Mark a person as ambassador, with her line, or end it (repeating it changes nothing)',
    auth: 'session',
    params: IdParams,
    // The line's own limit is checked after normalising, with a Dutch message; this only stops abuse.
    body: z.strictObject({ ambassador: z.boolean(), line: z.string().max(2000).nullable() }),
    response: PersonSchema,
  }),
  getMyTour: defineRoute({
    method: 'GET',
    path: '/v1/me/tour',
    summary: 'Whether her first-time tour is pending',
    auth: 'session',
    response: MyTourSchema,
  }),
  finishMyTour: defineRoute({
    method: 'PUT',
    path: '/v1/me/tour',
    summary: 'She finished or skipped the first-time tour (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    body: z.strictObject({ outcome: z.enum(['done', 'skipped']) }),
    response: MyTourSchema,
  }),
  restartTour: defineRoute({
    method: 'POST',
    path: '/v1/people/:id/tour',
    summary: '(Ambassador, editor, admin) Show a colleague the first-time tour again at her next start',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: MyTourSchema,
  }),
} as const;
