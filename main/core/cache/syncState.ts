import type Database from 'better-sqlite3';

/** Which server and organisation the cache holds content of; content of another never mixes in. */
export interface CacheBinding {
  serverUrl: string;
  tenantId: string;
}

const CONTENT_TABLES = ['organisation', 'locations', 'departments', 'people', 'groups', 'post_hashtags', 'posts', 'comments', 'kb_sections', 'kb_pages', 'kb_quick_links', 'search_synonyms', 'polls'];

/** The cache's own bookkeeping: the shared sync cursor, when it last caught up, whose content it is. */
export function createSyncState(db: Database.Database) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
  const write = db.prepare<[string, string]>('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const get = (key: string) => read.get(key)?.value ?? null;

  return {
    cursor: (): number => Number(get('shared_cursor') ?? 0),
    setCursor: (seq: number) => write.run('shared_cursor', String(seq)),
    lastSyncedAt: (): string | null => get('last_synced_at'),
    setLastSyncedAt: (at: string) => write.run('last_synced_at', at),
    binding: (): CacheBinding | null => {
      const value = get('binding');
      return value ? (JSON.parse(value) as CacheBinding) : null;
    },
    /**
     * Makes the cache hold `binding`'s content. Returns true when it held another organisation's (or
     * another server's) content, which is then dropped together with the cursor.
     */
    bind: db.transaction((binding: CacheBinding): boolean => {
      const value = get('binding');
      const current = value ? (JSON.parse(value) as CacheBinding) : null;
      if (current && current.serverUrl === binding.serverUrl && current.tenantId === binding.tenantId) return false;
      const cleared = current !== null;
      if (cleared) {
        for (const table of CONTENT_TABLES) db.prepare(`DELETE FROM ${table}`).run();
        db.prepare('DELETE FROM sync_state').run();
      }
      write.run('binding', JSON.stringify({ serverUrl: binding.serverUrl, tenantId: binding.tenantId }));
      return cleared;
    }),
  };
}

export type SyncState = ReturnType<typeof createSyncState>;
