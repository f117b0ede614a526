import path from 'node:path';
import { buildServer, safeLogSerializers, type BuiltServer } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { DeviceMode } from './auth/principal.js';
import { issueEnrolmentCode } from './devices/enrolment.js';
import { DEMO_PEOPLE, ensureDemoOrganisation } from './seed/index.js';

/** Connections the kernel may queue before the server accepts them (capped by net.core.somaxconn). */
const LISTEN_BACKLOG = 8192;

export interface RunningServer {
  url: string;
  port: number;
  server: BuiltServer;
  db: Db;
  /**
   * A one-time enrolment code for a device of an organisation (by slug; may be left out when the
   * server hosts one), as an admin would make it: lets `npm start` enrol its own shared or kiosk client.
   */
  issueEnrolmentCode(o: { organisation?: string; name: string; mode: DeviceMode; validMinutes?: number }): Promise<{ code: string; expiresAt: string }>;
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
    ...(config.updatesDir ? { updatesDir: config.updatesDir } : {}),
    mail: { smtpUrl: config.smtpUrl, folder: path.join(config.dataDir, 'mail'), publicUrl: config.publicUrl,
      ratePerSecond: config.mailRate,
      concurrency: config.mailConcurrency,
      leaseSeconds: config.mailLeaseSeconds,
    },
    options: {
      pinLockoutSeconds: config.pinLockoutSeconds,
      streamsPerPerson: config.streamsPerPerson,
      streamsPerDevice: config.streamsPerDevice,
      imageDecodes: config.imageDecodes,
      ffmpegPath: config.ffmpegPath,
    },
  });
  // At the start of a shift, or when a node dies, thousands of ward PCs connect within a second; Node's
  // default queue of 511 unaccepted connections would drop the rest into TCP's one-second retries.
  await server.app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG, listenTextResolver: (address) => `server listening at ${address}` });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  // Links in mailings point here unless --public-url says where people reach the server.
  server.ctx.mail.options.publicUrl ??= url;
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    server,
    db,
    async issueEnrolmentCode(o) {
      const orgs = await db.kysely
        .selectFrom('organisations')
        .select(['tenant_id', 'slug'])
        .$if(o.organisation !== undefined, (q) => q.where('slug', '=', o.organisation!))
        .limit(2)
        .execute();
      if (orgs.length !== 1) throw new Error(o.organisation ? `No organisation "${o.organisation}"` : 'Name the organisation: this server hosts several');
      return issueEnrolmentCode(server.ctx, { tenantId: orgs[0]!.tenant_id, name: o.name, mode: o.mode, validMinutes: o.validMinutes ?? 60, createdBy: null });
    },
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
