import type { Selectable } from 'kysely';
import {
  DEFAULT_ORGANISATION_SETTINGS,
  OrganisationSettingsSchema,
  type Category,
  type Department,
  type Location,
  type Organisation,
  type OrganisationSettings,
  type Person,
} from '../../../common/src/api/entities.js';
import type { Role } from '../../../common/src/api/primitives.js';
import { categoriesFromJson } from '../categories/categoryList.js';
import type { DepartmentsTable, LocationsTable, OrganisationsTable, PeopleTable } from '../db/schema.js';

export const personFromRow = (r: Selectable<PeopleTable>): Person => ({
  id: r.id,
  name: r.name,
  handle: r.handle,
  jobTitle: r.job_title,
  departmentId: r.department_id,
  locationId: r.location_id,
  roles: JSON.parse(r.roles) as Role[],
  avatarImageId: r.avatar_image_id,
  active: r.active === 1,
  ...(r.ambassador === 1 ? { ambassador: { line: r.ambassador_line ?? null } } : {}),
});

export const organisationFromRow = (r: Selectable<OrganisationsTable>): Organisation => ({
  id: r.tenant_id,
  slug: r.slug,
  name: r.name,
  intranetName: r.intranet_name,
  primaryColor: r.primary_color,
  accentColor: r.accent_color,
  logoImageId: r.logo_image_id,
  settings: settingsFromJson(r.settings),
  ...categoriesOf(r.categories),
  ...(r.post_approval === 1 ? { postApproval: true as const } : {}),
});

/** Only an organisation with categories carries the field, so others look as they always did. */
function categoriesOf(json: string | undefined): { categories?: Category[] } {
  const categories = categoriesFromJson(json);
  return categories.length > 0 ? { categories } : {};
}

/**
 * The stored settings over the defaults: a setting added later, or a stored value that no longer
 * passes the schema, falls back to its default rather than breaking every login.
 */
export function settingsFromJson(text: string): OrganisationSettings {
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) stored = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: the defaults.
  }
  const settings: Record<string, unknown> = { ...DEFAULT_ORGANISATION_SETTINGS };
  for (const key of Object.keys(DEFAULT_ORGANISATION_SETTINGS) as (keyof OrganisationSettings)[]) {
    const one = OrganisationSettingsSchema.shape[key].safeParse(stored[key]);
    // A setting that may be absent (optional for older servers) keeps its default when it is.
    if (one.success && one.data !== undefined) settings[key] = one.data;
  }
  return settings as OrganisationSettings;
}

export const departmentFromRow = (r: DepartmentsTable): Department => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Department['kind'],
  locationId: r.location_id,
});

export const locationFromRow = (r: LocationsTable): Location => ({ id: r.id, name: r.name, city: r.city });
