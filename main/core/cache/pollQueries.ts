import type Database from 'better-sqlite3';
import type { Poll } from '../../../common/src/api/entities.js';
import { fromRow, type EntityRow } from './entityRow.js';

/** Polls in the cache: one by its post's id, and those still open (the home page's column, signage). */
export function createPollQueries(db: Database.Database) {
  const byId = db.prepare<[string], EntityRow>('SELECT data FROM polls WHERE id = ?');
  const open = db.prepare<[string, number], EntityRow>(
    'SELECT data FROM polls WHERE closes_at IS NULL OR closes_at > ? ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  return {
    poll: (id: string): Poll | null => {
      const row = byId.get(id);
      return row ? fromRow<Poll>(row) : null;
    },
    /** Open at `now` (by this device's clock), newest first. */
    open: (now: Date, limit: number): Poll[] => open.all(now.toISOString(), limit).map((r) => fromRow<Poll>(r)),
  };
}

export type PollQueries = ReturnType<typeof createPollQueries>;
