import type Database from 'better-sqlite3';
import type { Department, Group, Location, Organisation, Person } from '../../../common/src/api/entities.js';
import { searchKey } from '../../../common/src/text/fold.js';
import { fromRow, type EntityRow } from './entityRow.js';

export interface PersonDetails extends Person {
  departmentName: string | null;
  locationName: string | null;
}

type PersonDetailsRow = EntityRow & { department: string | null; location: string | null };

const likePattern = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The people directory, groups, organisation and hashtag counts as the views need them. */
export function createDirectoryQueries(db: Database.Database) {
  const organisation = db.prepare<[], EntityRow>('SELECT data FROM organisation LIMIT 1');
  const person = db.prepare<[string], PersonDetailsRow>(
    `SELECT p.data, d.data AS department, l.data AS location FROM people p
     LEFT JOIN departments d ON d.id = json_extract(p.data, '$.departmentId')
     LEFT JOIN locations l ON l.id = json_extract(p.data, '$.locationId')
     WHERE p.id = ?`,
  );
  const personByHandle = db.prepare<[string], EntityRow>('SELECT data FROM people WHERE handle = ?');
  const suggest = db.prepare<{ prefix: string; limit: number }, EntityRow>(
    `SELECT data FROM people
     WHERE active = 1 AND (search_name LIKE @prefix || '%' ESCAPE '\\' OR search_name LIKE '% ' || @prefix || '%' ESCAPE '\\'
       OR handle LIKE @prefix || '%' ESCAPE '\\')
     ORDER BY search_name, id LIMIT @limit`,
  );
  const group = db.prepare<[string], EntityRow>('SELECT data FROM groups WHERE id = ?');
  const allGroups = db.prepare<[], EntityRow>('SELECT data FROM groups');
  const hashtags = db.prepare<{ prefix: string; limit: number }, { tag: string; count: number }>(
    `SELECT tag, count FROM hashtag_counts WHERE substr(tag, 1, length(@prefix)) = @prefix ORDER BY count DESC, tag LIMIT @limit`,
  );
  const nameOf = (json: string | null) => (json === null ? null : fromRow<Department | Location>({ data: json }).name);

  return {
    organisation(): Organisation | null {
      const row = organisation.get();
      return row ? fromRow<Organisation>(row) : null;
    },
    person(id: string): PersonDetails | null {
      const row = person.get(id);
      return row ? { ...fromRow<Person>(row), departmentName: nameOf(row.department), locationName: nameOf(row.location) } : null;
    },
    personByHandle(handle: string): Person | null {
      const row = personByHandle.get(handle);
      return row ? fromRow<Person>(row) : null;
    },
    /** Active people whose name (any word) or handle starts with the prefix, by name. */
    suggestPeople: (prefix: string, limit: number): Person[] =>
      suggest.all({ prefix: likePattern(searchKey(prefix.trim().replace(/^@/, ''))), limit }).map(fromRow<Person>),
    group(id: string): Group | null {
      const row = group.get(id);
      return row ? fromRow<Group>(row) : null;
    },
    /** Every group on this device (those everyone may know). */
    groups: (): Group[] => allGroups.all().map(fromRow<Group>),
    /** Most used first; `prefix` already normalised. */
    hashtagCounts: (prefix: string, limit: number) => hashtags.all({ prefix, limit }),
  };
}

export type DirectoryQueries = ReturnType<typeof createDirectoryQueries>;
