import { z } from 'zod';
import { ReadAudienceInput } from '../../readConfirmations/audience.js';
import { ReadReceiptSchema, ReadRequirementSchema } from '../entities.js';
import { Id, Limit, Timestamp } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';

/** One part of the audience in the report: a department or a location, by its current people. */
const ReportPart = z.object({ id: Id.nullable(), name: z.string(), audience: z.number().int(), confirmed: z.number().int() });

/** Someone in the audience who has not confirmed yet, as the report lists her. */
export const UnconfirmedPersonSchema = z.object({
  personId: Id,
  name: z.string(),
  jobTitle: z.string(),
  departmentName: z.string().nullable(),
  locationName: z.string().nullable(),
  laterCount: z.number().int(),
});

/**
 * The report of a "lezen verplicht" post, worked out against the people data of this moment: who is in
 * the audience now (people who left are not), how many of them confirmed, per department and per
 * location, and who has not yet (the first `limit` by name; the CSV has everyone).
 */
export const ReadReportSchema = z.object({
  postId: Id,
  requirement: ReadRequirementSchema,
  audience: z.number().int(),
  confirmed: z.number().int(),
  byDepartment: z.array(ReportPart),
  byLocation: z.array(ReportPart),
  unconfirmed: z.array(UnconfirmedPersonSchema),
  unconfirmedTotal: z.number().int(),
  /** When a reminder last went out for this post, if ever. */
  remindedAt: Timestamp.nullable(),
  generatedAt: Timestamp,
});
export type ReadReport = z.infer<typeof ReadReportSchema>;

export const ReadRequirementSummarySchema = z.object({
  postId: Id,
  excerpt: z.string(),
  requirement: ReadRequirementSchema,
});

export const readConfirmationRoutes = {
  markReadRequired: defineRoute({
    method: 'PUT',
    path: '/v1/posts/:id/read-requirement',
    summary: 'Editor: make an organisation post "lezen verplicht" for everyone, locations, departments or groups (again: a new audience)',
    auth: 'session',
    params: IdParams,
    body: z.strictObject({ audience: ReadAudienceInput }),
    response: ReadRequirementSchema,
  }),
  unmarkReadRequired: defineRoute({
    method: 'DELETE',
    path: '/v1/posts/:id/read-requirement',
    summary: 'Editor: the post is no longer "lezen verplicht" (confirmations are kept)',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  confirmRead: defineRoute({
    method: 'PUT',
    path: '/v1/posts/:id/read-confirmation',
    summary: '"Gelezen": confirm having read a post (repeating it changes nothing)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: ReadReceiptSchema,
  }),
  postponeRead: defineRoute({
    method: 'POST',
    path: '/v1/posts/:id/read-later',
    summary: '"Later" at tap-in: put reading off, as often as the organisation allows (readLaterLimit)',
    auth: 'session',
    grantable: true,
    params: IdParams,
    response: ReadReceiptSchema,
  }),
  listReadRequirements: defineRoute({
    method: 'GET',
    path: '/v1/read-requirements',
    summary: 'Editor: the "lezen verplicht" posts, newest marked first',
    auth: 'session',
    query: z.strictObject({ limit: Limit(200, 50) }),
    response: z.object({ items: z.array(ReadRequirementSummarySchema) }),
  }),
  readReport: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id/read-report',
    summary: 'Editor: confirmed / audience, per department and location, and who has not confirmed',
    auth: 'session',
    params: IdParams,
    query: z.strictObject({ limit: Limit(1000, 200) }),
    response: ReadReportSchema,
  }),
  readReportCsv: defineRoute({
    method: 'GET',
    path: '/v1/posts/:id/read-report.csv',
    summary: 'Editor: who has not confirmed, as CSV (text/csv, UTF-8, Dutch headers, formula cells neutralised)',
    auth: 'session',
    params: IdParams,
    response: z.string(),
  }),
  sendReadReminders: defineRoute({
    method: 'POST',
    path: '/v1/posts/:id/read-reminders',
    summary: 'Editor: a reminder notification to exactly those in the audience who have not confirmed',
    auth: 'session',
    params: IdParams,
    response: z.object({ reminded: z.number().int() }),
  }),
} as const;
