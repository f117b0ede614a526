import { readServerConfig } from './config.js';
import { demoLoginText, startServer } from './start.js';

async function main() {
  let config;
  try {
    config = readServerConfig(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`samen server: ${(err as Error).message}`);
    process.exit(2);
  }
  const running = await startServer(config);
  if (config.seed === 'demo') console.log(demoLoginText());
  console.log(`listening on ${running.url}`);

  // Graceful stop for load balancers and process managers: stop accepting, let requests finish,
  // close event streams (clients reconnect to another node), then close the database.
  const shutdown = (signal: string) => {
    running.server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error('samen server failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
