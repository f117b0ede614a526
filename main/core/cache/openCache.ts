import { rmSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import { isCorruption, moveAside, openDatabaseFile } from '../db/openDatabaseFile.js';
import type { Logger } from '../log.js';
import { createSharedApplier, type SharedApplier } from './applySharedChanges.js';
import { createDirectoryQueries, type DirectoryQueries } from './directoryQueries.js';
import { createKbQueries, type KbQueries } from './kbQueries.js';
import { cacheMigrations } from './migrations/index.js';
import { createPollQueries, type PollQueries } from './pollQueries.js';
import { createPostQueries, type PostQueries } from './postQueries.js';
import { createSearchQueries, type SearchQueries } from './searchQueries.js';
import { createSynonymQueries, type SynonymQueries } from './synonymQueries.js';
import { createSyncState, type SyncState } from './syncState.js';

export const CACHE_FILE_NAME = 'cache.sqlite';

export interface CacheParts {
  db: Database.Database;
  state: SyncState;
  posts: PostQueries;
  directory: DirectoryQueries;
  kb: KbQueries;
  polls: PollQueries;
  search: SearchQueries;
  synonyms: SynonymQueries;
  applier: SharedApplier;
}

/** A write met a damaged file: the cache was rebuilt empty (cursor 0) and the write was not done. */
export class CacheResetError extends Error {
  constructor() {
    super('cache was damaged and has been reset');
  }
}

export interface Cache {
  readonly file: string;
  /** Reads from the cache; on a damaged file, rebuilds it empty and reads again. */
  read<T>(work: (c: CacheParts) => T): T;
  /** Writes to the cache; on a damaged file, rebuilds it empty and throws CacheResetError. */
  write<T>(work: (c: CacheParts) => T): T;
  /** Called after the cache was rebuilt empty, so sync starts again from the beginning. */
  onReset(listener: () => void): () => void;
  /** Deletes the file with everything in it and starts an empty one (a revoked device). */
  wipe(): void;
  close(): void;
}

/**
 * The on-disk cache of organisation-wide content. It can always be rebuilt from the server, so a
 * damaged file, found when opening or later while reading, is moved aside and replaced.
 */
export function openCache(opts: { dataDir: string; log: Logger; clock: Clock }): Cache {
  const file = path.join(opts.dataDir, CACHE_FILE_NAME);
  const resetListeners = new Set<() => void>();
  let parts = build(openDatabaseFile(file, cacheMigrations, opts.log, opts.clock).db);

  const rebuild = (err: unknown) => {
    opts.log.warn('cache damaged while in use; moved aside and rebuilding from the server', {
      file,
      reason: err instanceof Error ? err.message : String(err),
    });
    try {
      parts.db.close();
    } catch {
      // A damaged file may refuse even to close cleanly; it is moved aside regardless.
    }
    moveAside(file, opts.clock);
    parts = build(openDatabaseFile(file, cacheMigrations, opts.log, opts.clock).db);
    for (const listener of resetListeners) listener();
  };

  /** Runs `work`; on a damaged file, rebuilds the cache empty and answers with `afterRebuild`. */
  const guarded = <T>(work: (c: CacheParts) => T, afterRebuild: () => T): T => {
    try {
      return work(parts);
    } catch (err) {
      if (!isCorruption(err)) throw err;
      rebuild(err);
      return afterRebuild();
    }
  };

  return {
    file,
    read: (work) => guarded(work, () => work(parts)),
    write: (work) =>
      guarded(work, () => {
        throw new CacheResetError();
      }),
    onReset(listener) {
      resetListeners.add(listener);
      return () => resetListeners.delete(listener);
    },
    wipe() {
      try {
        parts.db.close();
      } catch {
        // Closing can fail on a damaged file; it is deleted regardless.
      }
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      parts = build(openDatabaseFile(file, cacheMigrations, opts.log, opts.clock).db);
    },
    close() {
      parts.db.close();
    },
  };
}

function build(db: Database.Database): CacheParts {
  const state = createSyncState(db);
  return { db, state, posts: createPostQueries(db), directory: createDirectoryQueries(db), kb: createKbQueries(db), polls: createPollQueries(db), search: createSearchQueries(db), synonyms: createSynonymQueries(db), applier: createSharedApplier(db, state) };
}
