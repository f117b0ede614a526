import type { Principal } from '../auth/principal.js';

/**
 * An organisation admin changing the members of a private group, or of a group she is no member of:
 * her role in the organisation, not her place in the group, lets her, so the audit log records it.
 */
export const isAdminOversight = (p: Principal, group: { visibility: string }, ownMembership: object | undefined): boolean =>
  p.roles.includes('admin') && (group.visibility === 'private' || ownMembership === undefined);
