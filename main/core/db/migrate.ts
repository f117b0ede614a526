import type Database from 'better-sqlite3';

/**
 * One forward-only schema step. Versions rise strictly; a gap is allowed, because numbers are handed
 * out to pieces of work that are merged in any order (a step that depends on no other is written to
 * work whichever ran before it).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`database schema version ${found} is newer than this app knows (${known})`);
  }
}

export function schemaVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Applies the migrations the database lacks, each in its own transaction together with the new
 * version number, so a crash leaves the database at some whole version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((m, i) => {
    const before = i === 0 ? 0 : migrations[i - 1]!.version;
    if (m.version <= before) throw new Error(`migration ${m.name} has version ${m.version}, expected more than ${before}`);
  });
  const latest = migrations.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw new NewerSchemaError(from, latest);
  for (const m of migrations.filter((x) => x.version > from)) {
    db.transaction(() => {
      m.up(db);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(m.version);
    })();
  }
  return { from, to: latest };
}
