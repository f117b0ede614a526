import { z } from 'zod';
import { PersonSchema } from '../entities.js';
import { Id, Limit } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Page } from './shared.js';

export const peopleRoutes = {
  listPeople: defineRoute({
    method: 'GET',
    path: '/v1/people',
    summary: 'People directory, by name, sorted by name',
    auth: 'session',
    query: z.strictObject({ q: z.string().max(100).optional(), cursor: z.string().max(200).optional(), limit: Limit(200, 50) }),
    response: Page(PersonSchema),
  }),
  getPerson: defineRoute({
    method: 'GET',
    path: '/v1/people/:id',
    summary: 'One person',
    auth: 'session',
    params: IdParams,
    response: PersonSchema,
  }),
  updatePlacement: defineRoute({
    method: 'PATCH',
    path: '/v1/people/:id/placement',
    summary: '(Admin) Where a person works: her department and location; she follows into their groups',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({ departmentId: Id.nullable(), locationId: Id.nullable() }),
    response: PersonSchema,
  }),
} as const;
