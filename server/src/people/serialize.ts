import type { Department, Location, Organisation, Person } from '../../../common/src/api/entities.js';
import type { Role } from '../../../common/src/api/primitives.js';
import type { DepartmentsTable, LocationsTable, OrganisationsTable, PeopleTable } from '../db/schema.js';

export const personFromRow = (r: PeopleTable): Person => ({
  id: r.id,
  employeeNumber: r.employee_number,
  name: r.name,
  handle: r.handle,
  jobTitle: r.job_title,
  departmentId: r.department_id,
  locationId: r.location_id,
  roles: JSON.parse(r.roles) as Role[],
  avatarImageId: r.avatar_image_id,
  active: r.active === 1,
});

export const organisationFromRow = (r: OrganisationsTable): Organisation => ({
  id: r.tenant_id,
  slug: r.slug,
  name: r.name,
  intranetName: r.intranet_name,
  primaryColor: r.primary_color,
  accentColor: r.accent_color,
  logoImageId: r.logo_image_id,
});

export const departmentFromRow = (r: DepartmentsTable): Department => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Department['kind'],
  locationId: r.location_id,
});

export const locationFromRow = (r: LocationsTable): Location => ({ id: r.id, name: r.name, city: r.city });
