import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import { migrations, type NumberedMigration } from './migrations/index.js';

/** Applies every migration not yet applied, in number order; refuses to run if the database is newer. */
export async function migrateToLatest(db: Db, list: NumberedMigration[] = migrations): Promise<string[]> {
  const ctx = { binaryType: db.dialect === 'postgres' ? 'bytea' : 'blob' } as const;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) out[m.name] = { up: (k: Kysely<unknown>) => m.up(k, ctx) };
      return out;
    },
  };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
