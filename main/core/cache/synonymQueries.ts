import type Database from 'better-sqlite3';
import { z } from 'zod';
import { SynonymEntrySchema } from '../../../common/src/api/routes/search.js';
import type { SynonymEntry } from '../../../common/src/search/synonyms.js';

const Entries = z.array(SynonymEntrySchema);

/** The organisation's synonym list as the server last told it; null until it has. */
export function createSynonymQueries(db: Database.Database) {
  const read = db.prepare<[], { entries: string }>('SELECT entries FROM search_synonyms WHERE id = 1');
  const write = db.prepare<[string]>('INSERT INTO search_synonyms (id, entries) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET entries = excluded.entries');
  return {
    get(): SynonymEntry[] | null {
      const row = read.get();
      if (!row) return null;
      // A list that no longer reads is as good as none: the defaults apply until the server answers.
      const parsed = Entries.safeParse(JSON.parse(row.entries));
      return parsed.success ? parsed.data : null;
    },
    set: (entries: readonly SynonymEntry[]) => write.run(JSON.stringify(entries)),
  };
}

export type SynonymQueries = ReturnType<typeof createSynonymQueries>;
