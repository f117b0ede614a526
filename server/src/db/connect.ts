import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { preparingPool } from './preparedStatements.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The PostgreSQL connection string, for the realtime listener; null on SQLite. */
  postgresUrl: string | null;
  /**
   * PostgreSQL only: connections of their own for numbering committed changes (sync/numbering.ts).
   * Every writer waits for a numbering after its commit, so a numbering that queued for the pool
   * behind those writers' transactions would hold them all; null on SQLite, which numbers at insert.
   */
  numbering: Kysely<Database> | null;
  close(): Promise<void>;
}

export interface DatabaseLocation {
  /** `postgres://…` to use PostgreSQL; otherwise SQLite in `dataDir`. */
  url?: string | undefined;
  dataDir?: string | undefined;
  /** SQLite file name inside dataDir; `:memory:` for throwaway tests. */
  fileName?: string;
}

// int8 (seq numbers, counts) arrives as a string by default; our values stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Connections a node opens for its requests on PostgreSQL. */
export const REQUEST_POOL_SIZE = 10;

export function openDatabase(location: DatabaseLocation): Db {
  if (location.url?.startsWith('postgres://') || location.url?.startsWith('postgresql://')) {
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(postgresPool(location.url, REQUEST_POOL_SIZE)) }) });
    // Two, so one organisation's numbering never waits for another's.
    const numbering = new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(location.url, 2) }) });
    return {
      kysely,
      dialect: 'postgres',
      postgresUrl: location.url,
      numbering,
      close: async () => {
        await Promise.all([kysely.destroy(), numbering.destroy()]);
      },
    };
  }
  if (location.url) throw new Error(`Unsupported database URL; use postgres://… or leave it out for SQLite`);
  const fileName = location.fileName ?? 'samen.sqlite';
  let file = fileName;
  if (fileName !== ':memory:') {
    const dir = location.dataDir ?? '.data';
    mkdirSync(dir, { recursive: true });
    file = path.join(dir, fileName);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', postgresUrl: null, numbering: null, close: () => kysely.destroy() };
}

function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client dropping (database restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}
