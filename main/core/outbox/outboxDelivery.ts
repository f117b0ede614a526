import type { Clock } from '../clock.js';
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
  clock: Clock;
  /** The logged-in person's session: her items without a grant are sent with it, never anyone else's. */
  session(): DeliverySession | null;
  retry: BackoffPolicy;
  log: Logger;
  /** The server took it; shown to its author only. */
  onDelivered(item: OutboxItem): void;
  /** The server refused it for good while its author is logged in: tell her, it is dropped. */
  onRejected(item: OutboxItem, error: NetError): void;
  /** The server refused the session token: delivery of her grant-less items pauses until she logs in again. */
  onUnauthorized(session: DeliverySession): void;
  /** The server refused an item's delivery grant, or the item while its author was away: it now waits for her. */
  onGrantRefused(item: OutboxItem): void;
}

const isAuthor = (session: DeliverySession | null, item: OutboxItem) =>
  session !== null && session.tenantId === item.tenantId && session.personId === item.personId;

/**
 * Sends waiting writes one at a time in the order they were made, so a post always reaches the
 * server before its comments and likes. Each item goes as its author: with her delivery grant (queued
 * on a shared device, sent whoever is logged in now) or with her own session. An item leaves the
 * outbox only when the server confirmed or refused it; a failed attempt stops the round and the next
 * round comes after a back-off.
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
      if (stopped) return;
      const session = d.session();
      const next = d.store.nextDeliverable(d.clock.now(), session);
      if (!next) return;
      const { item, credential } = next;
      const token = credential === 'grant' ? item.grant!.token : session!.token;
      inFlight = item.id;
      const outcome = await deliverItem(d.http, d.store, item, token).finally(() => {
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
          if (!isAuthor(session, item)) {
            // Only its author may hear why, and decide: it waits for her next login.
            d.store.strand(item.id);
            d.onGrantRefused(item);
            continue;
          }
          d.store.remove(item.id);
          d.onRejected(item, outcome.error);
          continue;
        case 'unauthorized':
          if (credential === 'grant') {
            d.log.info('delivery grant refused; its items wait for their author', { kind: item.kind });
            d.store.refuseGrant(token);
            d.onGrantRefused(item);
            continue;
          }
          d.onUnauthorized(session!);
          return;
        case 'unlinked':
          // The device link is gone; the items stay until the device is enrolled again.
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
    /** Resolves when no round is running (for revoking a grant only after its items went). */
    idle: async () => {
      while (round) await round;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}

export type OutboxDelivery = ReturnType<typeof createOutboxDelivery>;
