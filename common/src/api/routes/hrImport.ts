import { z } from 'zod';
import { defineRoute } from '../route.js';

/** Rows per request: an organisation of 20 000 people in one go, with room to spare. */
export const HR_IMPORT_ROWS_MAX = 25_000;
/** An employee number longer than this is no employee number (logins take 32); a longer cell is clipped and found unknown. */
export const HR_EMPLOYEE_NUMBER_MAX = 64;
/** A date cell longer than this is no date. */
export const HR_CELL_MAX = 40;
/** The request's size at the most: every row at its longest. */
export const HR_IMPORT_BYTES_MAX = 6 * 1024 * 1024;

/**
 * One row of an HR export. `birthday` as DD-MM-YYYY, DD-MM or YYYY-MM-DD (a year is dropped at once),
 * `hireDate` as DD-MM-YYYY or YYYY-MM-DD; left out or empty: the stored value stays as it is. `line`:
 * where the row stands in the file, so refusals can point at it (its place in `rows` when left out).
 */
export const HrImportRowSchema = z.strictObject({
  line: z.number().int().positive().optional(),
  employeeNumber: z.string().max(HR_EMPLOYEE_NUMBER_MAX),
  birthday: z.string().max(HR_CELL_MAX).nullable().optional(),
  hireDate: z.string().max(HR_CELL_MAX).nullable().optional(),
});
export type HrImportRow = z.infer<typeof HrImportRowSchema>;

/** A row that is not read in, and why, in Dutch. */
export const HrImportRefusalSchema = z.object({ line: z.number().int(), employeeNumber: z.string(), reason: z.string() });
export type HrImportRefusal = z.infer<typeof HrImportRefusalSchema>;

/**
 * What an import changes (a dry run: would change). Counts of birthdays and hire dates that differ
 * from what is stored, rows that change nothing, and per row what changes or why it is refused.
 * Never a date: what is read in is the admin's file, and no answer carries anyone's year.
 */
export const HrImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  birthdays: z.number().int(),
  hireDates: z.number().int(),
  unchanged: z.number().int(),
  changed: z.array(z.object({ line: z.number().int(), employeeNumber: z.string(), birthday: z.boolean(), hireDate: z.boolean() })),
  refused: z.array(HrImportRefusalSchema),
});
export type HrImportResult = z.infer<typeof HrImportResultSchema>;

export const HrImportBodySchema = z.strictObject({
  dryRun: z.boolean(),
  rows: z.array(HrImportRowSchema).max(HR_IMPORT_ROWS_MAX, `Hoogstens ${HR_IMPORT_ROWS_MAX} regels per keer.`),
});

export const hrImportRoutes = {
  importHr: defineRoute({
    method: 'POST',
    path: '/v1/admin/hr-import',
    summary: '(Admin) Read birthdays and hire dates of her organisation\'s people from HR rows; `dryRun` only tells what would change',
    auth: 'session',
    body: HrImportBodySchema,
    response: HrImportResultSchema,
  }),
} as const;
