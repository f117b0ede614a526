import path from 'node:path';
import { parseArgs } from 'node:util';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: 'demo' | 'none';
  logLevel: string;
  trustProxy: boolean;
  /** Seconds that 5 wrong PINs lock PIN login for an employee number. */
  pinLockoutSeconds: number;
}

/**
 * Flags win over environment variables, which win over defaults. Wrong values stop the start with
 * a message naming the flag, rather than a server that half works.
 */
export function readServerConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      'log-level': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'pin-lockout-seconds': { type: 'string' },
    },
    strict: true,
  });
  const portText = values.port ?? env.SAMEN_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${portText}"`);
  const seed = values.seed ?? env.SAMEN_SEED ?? 'none';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`--seed must be "demo" or "none", got "${seed}"`);
  const lockoutText = values['pin-lockout-seconds'] ?? env.SAMEN_PIN_LOCKOUT_SECONDS ?? '900';
  const pinLockoutSeconds = Number(lockoutText);
  if (!Number.isInteger(pinLockoutSeconds) || pinLockoutSeconds < 1 || pinLockoutSeconds > 86_400) {
    throw new Error(`--pin-lockout-seconds must be a whole number from 1 to 86400, got "${lockoutText}"`);
  }
  return {
    port,
    host: values.host ?? env.SAMEN_HOST ?? '127.0.0.1',
    dataDir: path.resolve(values.data ?? env.SAMEN_DATA_DIR ?? '.data/server'),
    databaseUrl: values['database-url'] ?? env.SAMEN_DATABASE_URL ?? undefined,
    seed,
    logLevel: values['log-level'] ?? env.SAMEN_LOG_LEVEL ?? 'info',
    trustProxy: values['trust-proxy'] ?? env.SAMEN_TRUST_PROXY === '1',
    pinLockoutSeconds,
  };
}
