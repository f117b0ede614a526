import type { Principal } from '../auth/principal.js';
import { membersOnly } from '../groups/access.js';

/**
 * An organisation admin changing the members or settings of a members-only group (private or
 * archived), or of a group she is no member of:
 * her role in the organisation, not her place in the group, lets her, so the audit log records it.
 */
export const isAdminOversight = (p: Principal, group: { visibility: string; archived_at: string | null }, ownMembership: object | undefined): boolean =>
  p.roles.includes('admin') && (membersOnly(group) || ownMembership === undefined);
