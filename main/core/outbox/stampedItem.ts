import { uuidv7 } from '../../../common/src/ids.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { DistributiveOmit, NewOutboxItem } from './outboxStore.js';

/** A write as a feature describes it: what and about which item, before it is stamped. */
export type OutboxIntent = DistributiveOmit<NewOutboxItem, 'tenantId' | 'personId' | 'idempotencyKey' | 'createdAt' | 'grant'>;

/**
 * Stamps a write with its author, her organisation, the time and its own idempotency key, so every
 * feature queues the same envelope. `grant` is how it is delivered: the author's delivery grant by
 * default (on a shared device it goes out as her even after she left), or null for an act that
 * needs her own session (a coach's or editor's decision: a grant acts as an employee).
 */
export function stampedItem(session: ActiveSession, now: Date, intent: OutboxIntent, grant: ActiveSession['deliveryGrant'] = session.deliveryGrant): NewOutboxItem {
  return {
    ...intent,
    tenantId: session.organisation.id,
    personId: session.person.id,
    idempotencyKey: uuidv7(now.getTime()),
    createdAt: now.toISOString(),
    grant,
  };
}
