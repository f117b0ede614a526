import type { Kysely } from 'kysely';
import type { ReadRequirement } from '../../../common/src/api/entities.js';
import type { ReadReport } from '../../../common/src/api/routes/readConfirmations.js';
import type { Database } from '../db/schema.js';
import { loadAudience, type AudienceRow } from './audienceQuery.js';

interface Part {
  id: string | null;
  name: string;
  audience: number;
  confirmed: number;
}

/** Names of the tenant's departments and locations, for the report's parts and the unconfirmed list. */
export async function placeNames(k: Kysely<Database>, tenantId: string) {
  const [departments, locations] = await Promise.all([
    k.selectFrom('departments').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
    k.selectFrom('locations').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return { department: new Map(departments.map((d) => [d.id, d.name])), location: new Map(locations.map((l) => [l.id, l.name])) };
}

function tally(rows: AudienceRow[], key: (r: AudienceRow) => string | null, names: Map<string, string>): Part[] {
  const parts = new Map<string | null, Part>();
  for (const r of rows) {
    const id = key(r);
    let part = parts.get(id);
    if (!part) {
      part = { id, name: id === null ? '' : (names.get(id) ?? ''), audience: 0, confirmed: 0 };
      parts.set(id, part);
    }
    part.audience++;
    if (r.confirmed_at !== null) part.confirmed++;
  }
  // Furthest behind first: that is where a reminder or a word from the manager helps.
  return [...parts.values()].sort((a, b) => a.confirmed / a.audience - b.confirmed / b.audience || a.name.localeCompare(b.name, 'nl'));
}

/** The report of one post, counted from a single snapshot of its current audience. */
export async function buildReadReport(
  k: Kysely<Database>,
  tenantId: string,
  post: { id: string; requirement: ReadRequirement; remindedAt: string | null },
  limit: number,
  now: Date,
): Promise<ReadReport> {
  const [rows, names] = await Promise.all([loadAudience(k, tenantId, post.id, post.requirement.audience), placeNames(k, tenantId)]);
  const unconfirmed = rows.filter((r) => r.confirmed_at === null);
  return {
    postId: post.id,
    requirement: post.requirement,
    audience: rows.length,
    confirmed: rows.length - unconfirmed.length,
    byDepartment: tally(rows, (r) => r.department_id, names.department),
    byLocation: tally(rows, (r) => r.location_id, names.location),
    unconfirmed: unconfirmed.slice(0, limit).map((r) => ({
      personId: r.id,
      name: r.name,
      jobTitle: r.job_title,
      departmentName: r.department_id ? (names.department.get(r.department_id) ?? null) : null,
      locationName: r.location_id ? (names.location.get(r.location_id) ?? null) : null,
      laterCount: Number(r.later_count ?? 0),
    })),
    unconfirmedTotal: unconfirmed.length,
    remindedAt: post.remindedAt,
    generatedAt: now.toISOString(),
  };
}
