import type { MethodOutput } from '../../../common/src/ipc/contract.js';
import type { Clock } from '../clock.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { OutboxItem, OutboxStore } from './outboxStore.js';

/**
 * Writes a person queued on a shared device whose delivery grant expired (or was revoked) before they
 * could be sent. They are never dropped silently: at her next login she sees them and chooses to send
 * them (with her new grant) or to discard them; those the device had to drop (kept too long, or
 * unreadable) she is told of once. Only her own items and notices are listed or touched.
 */
export function createStrandedWrites(d: { store: OutboxStore; clock: Clock; preview(item: OutboxItem): string }) {
  const author = (s: ActiveSession) => ({ tenantId: s.organisation.id, personId: s.person.id });
  const strandedOf = (s: ActiveSession) => d.store.stranded(author(s), d.clock.now());

  return {
    list: (s: ActiveSession): MethodOutput<'outbox.stranded'> => ({
      items: strandedOf(s).map((item) => ({ id: item.id, kind: item.kind, preview: d.preview(item), createdAt: item.createdAt })),
      dropped: d.store.dropped(author(s)),
    }),
    /** Answers the post ids of the conversations that changed. */
    resolve(s: ActiveSession, ids: readonly string[], action: 'send' | 'discard'): string[] {
      const wanted = new Set(ids);
      const chosen = strandedOf(s).filter((item) => wanted.has(item.id));
      if (action === 'send') d.store.regrant(author(s), chosen.map((i) => i.id), s.deliveryGrant);
      else for (const item of chosen) d.store.remove(item.id);
      d.store.dismissDropped(author(s), ids);
      return [...new Set(chosen.map((i) => i.postId))];
    },
  };
}

export type StrandedWrites = ReturnType<typeof createStrandedWrites>;
