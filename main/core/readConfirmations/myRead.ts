import type { Post, ReadReceipt } from '../../../common/src/api/entities.js';
import type { MyRead } from '../../../common/src/ipc/readConfirmationViews.js';
import { inAudience, type AudienceMember } from '../../../common/src/readConfirmations/audience.js';
import type { OutboxItem } from '../outbox/outboxStore.js';
import type { StoredReadState } from './readStateStore.js';

/** Her "Gelezen" and "Later"s still in the outbox (or sent and not synced back), for one post. */
export interface PendingRead {
  confirmed: boolean;
  laters: number;
  /** One of them has not been sent yet. */
  waiting: boolean;
}

/** Folds her read answers in the outbox, oldest first, per post. */
export function pendingReads(sent: readonly OutboxItem[], waiting: readonly OutboxItem[]): Map<string, PendingRead> {
  const out = new Map<string, PendingRead>();
  const add = (item: OutboxItem, isWaiting: boolean) => {
    if (item.kind !== 'readConfirm' && item.kind !== 'readLater') return;
    const p = out.get(item.postId) ?? { confirmed: false, laters: 0, waiting: false };
    if (item.kind === 'readConfirm') p.confirmed = true;
    else p.laters++;
    p.waiting ||= isWaiting;
    out.set(item.postId, p);
  };
  for (const item of sent) add(item, false);
  for (const item of waiting) add(item, true);
  return out;
}

export interface MyReadSources {
  /** The person looking, as the directory has her; null: unknown here (then nothing is asked of her). */
  person: AudienceMember | null;
  /** Her groups, or null while her own data has not arrived since she logged in. */
  memberOf: ReadonlySet<string> | null;
  /** Her receipt from the server (her personal feed), the truth once it is there. */
  receipt: ReadReceipt | null;
  /** What this device remembered of her answer. */
  stored: StoredReadState | null;
  pending: PendingRead | null;
  laterLimit: number;
}

const NO_GROUPS: ReadonlySet<string> = new Set();

/**
 * Whether a "lezen verplicht" post asks something of her, and where she stands. A confirmation from
 * any source counts (the outbox's, the server's, or the one this device remembered); without one,
 * the audience rule decides. Before
 * her groups are known, an audience of groups counts her in only if this device remembered that it
 * did the last time she was here.
 */
export function myRead(post: Post, s: MyReadSources): MyRead | null {
  const required = post.readRequired;
  if (!required) return null;
  const confirmed = (s.receipt ? s.receipt.confirmedAt !== null : false) || (s.stored?.confirmed ?? false) || (s.pending?.confirmed ?? false);
  // The device remembers each answer as it is made, so its count may already hold what still waits in
  // the outbox: the higher of the two is the count, never their sum.
  const laterCount = Math.max(s.stored?.laterCount ?? 0, (s.receipt?.laterCount ?? 0) + (s.pending?.laters ?? 0));
  const waiting = s.pending?.waiting ?? false;
  if (confirmed) return { state: 'confirmed', laterCount, laterLimit: s.laterLimit, waiting };
  if (!s.person) return null;
  const asked =
    s.memberOf !== null
      ? inAudience(required.audience, s.person, s.memberOf)
      : inAudience(required.audience, s.person, NO_GROUPS) || (s.stored !== null && !s.stored.confirmed);
  return asked ? { state: 'owed', laterCount, laterLimit: s.laterLimit, waiting } : null;
}
