import type Database from 'better-sqlite3';
import type { Group, Person, Post } from '../../../common/src/api/entities.js';
import { fromRow, type EntityRow } from './entityRow.js';

export interface PersonWithPlace {
  person: Person;
  department: string | null;
  location: string | null;
}

type PersonRow = EntityRow & { department: string | null; location: string | null };

const placeName = (json: string | null) => (json === null ? null : (JSON.parse(json) as { name: string }).name);
const toPersonWithPlace = (row: PersonRow): PersonWithPlace => ({ person: fromRow<Person>(row), department: placeName(row.department), location: placeName(row.location) });

/** What the offline search indexes, read in bulk (the first build) or by id (after a sync page). */
export function createSearchQueries(db: Database.Database) {
  const posts = db.prepare<[], EntityRow>('SELECT data FROM posts');
  const groups = db.prepare<[], EntityRow>('SELECT data FROM groups');
  const peopleSql = `SELECT p.data, d.data AS department, l.data AS location FROM people p
     LEFT JOIN departments d ON d.id = json_extract(p.data, '$.departmentId')
     LEFT JOIN locations l ON l.id = json_extract(p.data, '$.locationId')
     WHERE p.active = 1`;
  const people = db.prepare<[], PersonRow>(peopleSql);
  const person = db.prepare<[string], PersonRow>(`${peopleSql} AND p.id = ?`);

  return {
    posts: (): Post[] => posts.all().map(fromRow<Post>),
    groups: (): Group[] => groups.all().map(fromRow<Group>),
    /** Active people only: someone who left is no longer found. */
    people: (): PersonWithPlace[] => people.all().map(toPersonWithPlace),
    person(id: string): PersonWithPlace | null {
      const row = person.get(id);
      return row ? toPersonWithPlace(row) : null;
    },
  };
}

export type SearchQueries = ReturnType<typeof createSearchQueries>;
