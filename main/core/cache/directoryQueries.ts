import type Database from 'better-sqlite3';
import type { Group, Organisation, Person } from '../../../common/src/api/entities.js';
import { groupFromRow, organisationFromRow, personFromRow, type GroupRow, type OrganisationRow, type PersonRow } from './rows.js';
import { searchKey } from '../../../common/src/text/fold.js';

export interface PersonDetails extends Person {
  departmentName: string | null;
  locationName: string | null;
}

type PersonDetailsRow = PersonRow & { department_name: string | null; location_name: string | null };

const likePattern = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The people directory, groups, organisation and hashtag counts as the views need them. */
export function createDirectoryQueries(db: Database.Database) {
  const organisation = db.prepare<[], OrganisationRow>('SELECT * FROM organisation LIMIT 1');
  const person = db.prepare<[string], PersonDetailsRow>(
    `SELECT p.*, d.name AS department_name, l.name AS location_name FROM people p
     LEFT JOIN departments d ON d.id = p.department_id
     LEFT JOIN locations l ON l.id = p.location_id
     WHERE p.id = ?`,
  );
  const personByHandle = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE handle = ?');
  const suggest = db.prepare<{ prefix: string; limit: number }, PersonRow>(
    `SELECT * FROM people
     WHERE active = 1 AND (search_name LIKE @prefix || '%' ESCAPE '\\' OR search_name LIKE '% ' || @prefix || '%' ESCAPE '\\'
       OR handle LIKE @prefix || '%' ESCAPE '\\')
     ORDER BY search_name, id LIMIT @limit`,
  );
  const group = db.prepare<[string], GroupRow>('SELECT * FROM groups WHERE id = ?');
  const hashtags = db.prepare<{ prefix: string; limit: number }, { tag: string; count: number }>(
    `SELECT tag, count FROM hashtag_counts WHERE substr(tag, 1, length(@prefix)) = @prefix ORDER BY count DESC, tag LIMIT @limit`,
  );

  return {
    organisation(): Organisation | null {
      const row = organisation.get();
      return row ? organisationFromRow(row) : null;
    },
    person(id: string): PersonDetails | null {
      const row = person.get(id);
      return row ? { ...personFromRow(row), departmentName: row.department_name, locationName: row.location_name } : null;
    },
    personByHandle(handle: string): Person | null {
      const row = personByHandle.get(handle);
      return row ? personFromRow(row) : null;
    },
    /** Active people whose name (any word) or handle starts with the prefix, by name. */
    suggestPeople: (prefix: string, limit: number): Person[] =>
      suggest.all({ prefix: likePattern(searchKey(prefix.trim().replace(/^@/, ''))), limit }).map(personFromRow),
    group(id: string): Group | null {
      const row = group.get(id);
      return row ? groupFromRow(row) : null;
    },
    /** Most used first; `prefix` already normalised. */
    hashtagCounts: (prefix: string, limit: number) => hashtags.all({ prefix, limit }),
  };
}

export type DirectoryQueries = ReturnType<typeof createDirectoryQueries>;
