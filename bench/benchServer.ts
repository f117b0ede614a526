import { buildServer, type BuiltServer } from '../server/src/app.js';
import { openDatabase, type Db } from '../server/src/db/connect.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedOrganisation } from '../server/src/seed/index.js';
import { createScratchDatabase, postgresAvailable } from '../test/fixtures/postgres.js';

export interface BenchServer {
  db: Db;
  built: BuiltServer;
  tenantId: string;
  url: string;
  stop(): Promise<void>;
}

/**
 * A server in this process on a scratch PostgreSQL database with one seeded organisation, listening on
 * loopback: what the HTTP benchmarks measure. Null (and said) when PostgreSQL is not reachable.
 */
export async function startBenchServer(seed: Parameters<typeof seedOrganisation>[1]): Promise<BenchServer | null> {
  if (!(await postgresAvailable())) {
    console.log('  (PostgreSQL not reachable: skipped)');
    return null;
  }
  const scratch = await createScratchDatabase();
  const db = openDatabase({ url: scratch.url });
  await migrateToLatest(db);
  const seeded = await seedOrganisation(db, seed);
  const built = await buildServer({ db });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  return {
    db,
    built,
    tenantId: seeded.tenantId,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    async stop() {
      await built.close();
      await db.close();
      await scratch.drop();
    },
  };
}
