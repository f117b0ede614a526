import { z } from 'zod';
import { Id } from '../api/primitives.js';

/** At most this many places or groups in one audience: more is "everyone" in practice. */
export const AUDIENCE_TARGETS_MAX = 200;

const Targets = z.array(Id).max(AUDIENCE_TARGETS_MAX);

/**
 * Who must read a "lezen verplicht" post: everyone, or whoever works at one of the locations, in one of
 * the departments, or is a member of one of the groups. It names places and groups, never people, so it
 * is evaluated against the people data of the moment: a new colleague or someone who moved in is in.
 */
export const ReadAudienceSchema = z.object({
  everyone: z.boolean(),
  locationIds: Targets,
  departmentIds: Targets,
  groupIds: Targets,
});
export type ReadAudience = z.infer<typeof ReadAudienceSchema>;

/** An audience as an editor sends it: lists may be left out, but it must name someone. */
export const ReadAudienceInput = z
  .strictObject({
    everyone: z.boolean().default(false),
    locationIds: Targets.default([]),
    departmentIds: Targets.default([]),
    groupIds: Targets.default([]),
  })
  .refine((a) => a.everyone || a.locationIds.length + a.departmentIds.length + a.groupIds.length > 0, {
    message: 'Kies voor wie lezen verplicht is.',
  });

/** What the audience rule needs to know of a person. */
export interface AudienceMember {
  active: boolean;
  departmentId: string | null;
  locationId: string | null;
}

/**
 * Whether a person is in the audience now. Someone who left (inactive) is never in it: she is not asked
 * to read and not counted as missing; a confirmation she gave stays stored but no longer counts.
 */
export function inAudience(audience: ReadAudience, person: AudienceMember, memberOf: ReadonlySet<string>): boolean {
  if (!person.active) return false;
  if (audience.everyone) return true;
  if (person.locationId !== null && audience.locationIds.includes(person.locationId)) return true;
  if (person.departmentId !== null && audience.departmentIds.includes(person.departmentId)) return true;
  return audience.groupIds.some((g) => memberOf.has(g));
}
