import { z } from 'zod';

export const Id = z.uuid();
/** UTC ISO-8601 with milliseconds, as `Date.prototype.toISOString` writes it. */
export const Timestamp = z.iso.datetime();

/**
 * Free text from a person. NUL cannot be stored by PostgreSQL and other control characters only
 * hide text, so both are refused here rather than failing deep in the database.
 */
export const UserText = (max: number) =>
  z
    .string()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), {
      message: 'Tekst bevat ongeldige tekens.',
    });

export const Role = z.enum(['employee', 'coach', 'editor', 'admin']);
export type Role = z.infer<typeof Role>;

export const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
