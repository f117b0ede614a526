import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';
import { migrate, type Migration } from './migrate.js';

export interface OpenOptions {
  /**
   * Deleted content is overwritten with zeros, also by the migrations (set before they run). For
   * files that may hold personal data.
   */
  secureDelete?: boolean;
  /**
   * What becomes of a file that cannot be read: `moveAside` keeps it renamed, as evidence for
   * support; `delete` removes it with its -wal and -shm, for a file that may hold personal data.
   */
  whenUnreadable?: 'moveAside' | 'delete';
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Where the previous, unreadable file was moved; null when the file opened cleanly or was deleted. */
  movedAside: string | null;
  /** The previous file could not be read and was deleted. */
  deletedUnreadable: boolean;
  /** False when even a fresh file could not be made and the data lives in memory only. */
  onDisk: boolean;
}

/**
 * Opens (or creates) a SQLite file in WAL mode and brings its schema up to date. A file that cannot
 * be read or migrated is renamed with a timestamp (or deleted, see `whenUnreadable`) and replaced by
 * a fresh one; if the folder itself is unusable the data lives in memory for this run. The app never
 * refuses to start over a file.
 */
export function openDatabaseFile(file: string, migrations: readonly Migration[], log: Logger, clock: Clock, options: OpenOptions = {}): OpenedDatabase {
  const secureDelete = options.secureDelete ?? false;
  try {
    return { db: openAndMigrate(file, migrations, secureDelete), movedAside: null, deletedUnreadable: false, onDisk: true };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    let movedAside: string | null = null;
    let deletedUnreadable = false;
    try {
      if (options.whenUnreadable === 'delete') {
        deleteWithCompanions(file);
        deletedUnreadable = true;
        log.warn('database file unreadable; deleted and starting fresh', { file, reason });
      } else {
        movedAside = moveAside(file, clock);
        log.warn('database file unreadable; moved aside and starting fresh', { file, movedTo: movedAside, reason });
      }
      return { db: openAndMigrate(file, migrations, secureDelete), movedAside, deletedUnreadable, onDisk: true };
    } catch (again) {
      log.error('database file unusable; keeping data in memory for this run', {
        file,
        reason: again instanceof Error ? again.message : String(again),
      });
      const db = new Database(':memory:');
      migrate(db, migrations);
      return { db, movedAside, deletedUnreadable, onDisk: false };
    }
  }
}

function openAndMigrate(file: string, migrations: readonly Migration[], secureDelete: boolean): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    if (secureDelete) db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 2000');
    // The timeline's indexes and the latest posts stay in memory; random updates during a sync hit RAM, not disk.
    db.pragma('cache_size = -32768');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Renames the file and its WAL companions so the evidence is kept but no longer read. */
export function moveAside(file: string, clock: Clock): string {
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Removes the file and its WAL companions. */
export function deleteWithCompanions(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** SQLite reports a damaged or foreign file with these codes (extended codes start with them). */
export function isCorruption(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}
