import type { ReadReceipt, ReadRequirement } from '../../../common/src/api/entities.js';
import type { ReadAudience } from '../../../common/src/readConfirmations/audience.js';
import type { PostsTable, ReadReceiptsTable } from '../db/schema.js';

/** What `posts.read_requirement` holds; the confirmation counter is a column of its own. */
export interface StoredRequirement {
  audience: ReadAudience;
  markedAt: string;
  markedBy: string;
  /** When a reminder last went out; not part of the post's entity (only the report shows it). */
  remindedAt?: string;
}

export const storedRequirement = (r: Pick<PostsTable, 'read_requirement'>): StoredRequirement | null =>
  r.read_requirement ? (JSON.parse(r.read_requirement) as StoredRequirement) : null;

export function readRequirementFromRow(r: Pick<PostsTable, 'read_requirement' | 'read_confirmed_count'>): ReadRequirement | null {
  const stored = storedRequirement(r);
  if (!stored) return null;
  return { audience: stored.audience, markedAt: stored.markedAt, markedBy: stored.markedBy, confirmedCount: Number(r.read_confirmed_count ?? 0) };
}

export const receiptFromRow = (r: ReadReceiptsTable): ReadReceipt => ({
  postId: r.post_id,
  personId: r.person_id,
  confirmedAt: r.confirmed_at,
  laterCount: Number(r.later_count),
});
