import type { Role } from '../api/primitives.js';

/**
 * Whether her post in this place waits for a coach's or editor's approval: when the organisation or
 * the group asks for it, unless she is a coach or editor herself (an admin counts as both). The
 * server applies the same rule; the client uses it to say "Ter goedkeuring aanbieden" instead of
 * "Plaatsen".
 */
export function needsApproval(roles: readonly Role[], organisation: { postApproval?: true } | null, group: { postApproval?: true } | null): boolean {
  if (roles.some((r) => r === 'coach' || r === 'editor' || r === 'admin')) return false;
  return organisation?.postApproval === true || group?.postApproval === true;
}

/** Coaches and editors look at drafts and decide on waiting posts (an admin counts as both). */
export const isReviewer = (roles: readonly Role[]) => roles.some((r) => r === 'coach' || r === 'editor' || r === 'admin');
