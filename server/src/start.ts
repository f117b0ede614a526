import { buildServer, safeLogSerializers, type BuiltServer } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { DEMO_PEOPLE, ensureDemoOrganisation } from './seed/index.js';

export interface RunningServer {
  url: string;
  port: number;
  server: BuiltServer;
  db: Db;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds when asked, and listens. Used by the CLI and by `npm start`. */
export async function startServer(config: ServerConfig, opts: { quiet?: boolean } = {}): Promise<RunningServer> {
  const db = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  if (config.seed === 'demo') await ensureDemoOrganisation(db);
  const server = await buildServer({
    db,
    logger: opts.quiet ? false : { level: config.logLevel, serializers: safeLogSerializers },
    trustProxy: config.trustProxy,
  });
  await server.app.listen({ port: config.port, host: config.host, listenTextResolver: (address) => `server listening at ${address}` });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    server,
    db,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await db.close();
      })()),
  };
}

export function demoLoginText(): string {
  return [
    'Demo-organisatie: log in met personeelsnummer en wachtwoord',
    ...DEMO_PEOPLE.map((p) => `  ${p.employeeNumber}  ${p.password.padEnd(12)}  ${p.name} (${p.jobTitle})`),
  ].join('\n');
}
