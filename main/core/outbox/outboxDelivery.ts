import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetError } from '../net/netError.js';
import { backoffDelay, type BackoffPolicy } from '../sync/backoff.js';
import { deliverItem } from './deliverItem.js';
import type { OutboxItem, OutboxStore } from './outboxStore.js';

export interface DeliverySession {
  token: string;
  tenantId: string;
  personId: string;
}

export interface OutboxDeliveryDeps {
  store: OutboxStore;
  http: HttpClient;
  /** The logged-in person's session; only their items are sent, only with their token. */
  session(): DeliverySession | null;
  retry: BackoffPolicy;
  log: Logger;
  onDelivered(item: OutboxItem): void;
  onRejected(item: OutboxItem, error: NetError): void;
  /** The server refused the token: delivery pauses until someone logs in again. */
  onUnauthorized(session: DeliverySession): void;
}

/**
 * Sends waiting writes one at a time in the order they were made, so a post always reaches the
 * server before its comments and likes. An item leaves the outbox only when the server confirmed or
 * refused it; a failed attempt stops the round and the next round comes after a back-off.
 */
export function createOutboxDelivery(d: OutboxDeliveryDeps) {
  let round: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: string | null = null;

  async function deliverAll(): Promise<void> {
    for (;;) {
      const session = d.session();
      if (!session || stopped) return;
      const item = d.store.next(session.tenantId, session.personId);
      if (!item) return;
      inFlight = item.id;
      const outcome = await deliverItem(d.http, d.store, item, session.token).finally(() => {
        inFlight = null;
      });
      switch (outcome.kind) {
        case 'delivered':
          failures = 0;
          d.store.remove(item.id);
          d.onDelivered(outcome.item);
          continue;
        case 'rejected':
          d.log.warn('outbox item refused by the server', { kind: item.kind, code: outcome.error.code, status: outcome.error.status });
          d.store.remove(item.id);
          d.onRejected(item, outcome.error);
          continue;
        case 'unauthorized':
          d.onUnauthorized(session);
          return;
        case 'retry': {
          const delay = backoffDelay(failures++, d.retry);
          d.log.info('outbox delivery postponed', { code: outcome.error.code, status: outcome.error.status, retryInMs: delay });
          if (!stopped) schedule(delay);
          return;
        }
      }
    }
  }

  function schedule(ms: number) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, ms);
    timer.unref?.();
  }

  function kick(): void {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    round = deliverAll()
      .catch((err: unknown) => {
        d.log.error('outbox delivery failed unexpectedly', { reason: err instanceof Error ? err.message : String(err) });
        schedule(backoffDelay(failures++, d.retry));
      })
      .finally(() => {
        round = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    /** Starts a delivery round now (new item, back online, logged in). */
    kick,
    /** The id of the item being sent right now; it can no longer be taken back. */
    inFlight: () => inFlight,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
