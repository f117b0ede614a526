import type { AmbassadorEntry } from '../../../common/src/api/routes/ambassadors.js';

interface Placed {
  location_id: string | null;
  department_id: string | null;
}

/** How close an ambassador works to the asker: the same department and location, one of them, or neither. */
export function nearness(asker: Placed, ambassador: Placed): AmbassadorEntry['near'] {
  const sameLocation = asker.location_id !== null && asker.location_id === ambassador.location_id;
  const sameDepartment = asker.department_id !== null && asker.department_id === ambassador.department_id;
  if (sameLocation && sameDepartment) return 'both';
  if (sameDepartment) return 'department';
  if (sameLocation) return 'location';
  return 'none';
}

/** Her own department before her location: a colleague on her ward is the first to ask. */
export const NEARNESS_ORDER: Record<AmbassadorEntry['near'], number> = { both: 0, department: 1, location: 2, none: 3 };
