import type { ExpressionBuilder } from 'kysely';
import { hasRole, type Principal } from '../auth/principal.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../http/apiError.js';

/**
 * Coaches and editors handle reports, with their own session: a delivery grant lies on a shared PC's
 * disk for up to a day, so it never carries this.
 */
export const mayModerateContent = (p: Principal): boolean => p.via === 'session' && (hasRole(p, 'coach') || hasRole(p, 'editor'));

export function requireModerator(p: Principal): void {
  if (!mayModerateContent(p)) throw forbidden('Alleen coaches en redacteuren kunnen meldingen behandelen.');
}

/** A hidden post or comment exists for its author alone; everyone else's reads leave it out. */
export const shownPosts = (p: Principal) => (eb: ExpressionBuilder<Database, 'posts'>) =>
  eb.or([eb('posts.hidden_at', 'is', null), eb('posts.author_id', '=', p.personId)]);

export const shownComments = (p: Principal) => (eb: ExpressionBuilder<Database, 'comments'>) =>
  eb.or([eb('comments.hidden_at', 'is', null), eb('comments.author_id', '=', p.personId)]);

/** Whether `viewer` (null: a device, or the shared part of the feed) may receive a row. */
export const shownToViewer = (row: { hidden_at?: string | null; author_id: string }, viewer: string | null): boolean =>
  !row.hidden_at || row.author_id === viewer;

/** The author's mark on her hidden item, in the shape the feed and the API send it. */
export const moderationMark = (row: { hidden_at?: string | null; hidden_reason?: string | null }) =>
  row.hidden_at ? { moderation: { hiddenAt: row.hidden_at, reason: row.hidden_reason ?? '' } } : {};
