import type { SyncStatus } from '../../../common/src/ipc/views.js';
import type { Clock } from '../clock.js';

/** The sync state the UI shows; tells its listener only when something visible changed. */
export function createSyncStatus(o: { clock: Clock; lastSyncedAt: string | null; onChange(status: SyncStatus): void }) {
  let status: SyncStatus = { state: 'online', lastSyncedAt: o.lastSyncedAt, offlineSince: null, pendingWrites: 0 };
  const update = (next: Partial<SyncStatus>) => {
    const merged = { ...status, ...next };
    if (JSON.stringify(merged) === JSON.stringify(status)) return;
    status = merged;
    o.onChange(status);
  };
  return {
    get: (): SyncStatus => status,
    syncing: () => update({ state: 'syncing' }),
    /** The server answered; `syncedAt` when a catch-up completed. */
    reachable: (syncedAt: string | null) =>
      update({ state: 'online', offlineSince: null, ...(syncedAt ? { lastSyncedAt: syncedAt } : {}) }),
    unreachable: () => update({ state: 'offline', offlineSince: status.offlineSince ?? o.clock.now().toISOString() }),
    pendingWrites: (n: number) => update({ pendingWrites: n }),
    /** After the cache was rebuilt or switched organisation, its last sync time is gone too. */
    resetLastSynced: (at: string | null) => update({ lastSyncedAt: at }),
  };
}

export type SyncStatusTracker = ReturnType<typeof createSyncStatus>;
