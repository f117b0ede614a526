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
  /** Event streams one person may have open over all nodes; one more ends her oldest. */
  streamsPerPerson: number;
  /** Event streams one enrolled device may have open. */
  streamsPerDevice: number;
  /** Photos decoded at once on this node. */
  imageDecodes: number;
  /** The SMTP server for organisations without their own; none: mailings are written as `.eml` files. */
  smtpUrl: string | undefined;
  /** The address people reach this server at, for the links in mailings; default: where it listens. */
  publicUrl: string | undefined;
  /** Mail messages this node sends per second at most. */
  mailRate: number;
  /** Mail messages in flight at once on this node (and SMTP connections per server). */
  mailConcurrency: number;
  /** How long a claimed recipient stays this node's before another node may take her over. */
  mailLeaseSeconds: number;
  /** The ffmpeg program for videos (ffprobe beside it); none: both from the PATH. Missing: videos are refused, nothing else. */
  ffmpegPath: string | undefined;
  /** The folder with the desktop client's update feed (latest.yml and installers); none: no feed. */
  updatesDir: string | undefined;
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
      'streams-per-person': { type: 'string' },
      'streams-per-device': { type: 'string' },
      'image-decodes': { type: 'string' },
      'smtp-url': { type: 'string' },
      'public-url': { type: 'string' },
      'mail-rate': { type: 'string' },
      'mail-concurrency': { type: 'string' },
      'mail-lease-seconds': { type: 'string' },
      'updates-dir': { type: 'string' },
      ffmpeg: { type: 'string' },
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
  const smtpUrl = values['smtp-url'] ?? (env.SAMEN_SMTP_URL || undefined);
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl)) throw new Error(`--smtp-url must look like smtp://host:port, got "${smtpUrl}"`);
  const publicUrl = values['public-url'] ?? (env.SAMEN_PUBLIC_URL || undefined);
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new Error(`--public-url must look like https://host, got "${publicUrl}"`);
  const updatesDir = values['updates-dir'] ?? (env.SAMEN_UPDATES_DIR || undefined);
  const limit = (flag: 'streams-per-person' | 'streams-per-device' | 'image-decodes' | 'mail-rate' | 'mail-concurrency' | 'mail-lease-seconds', envValue: string | undefined, fallback: number, max: number) => {
    const text = values[flag] ?? envValue ?? String(fallback);
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${flag} must be a whole number from 1 to ${max}, got "${text}"`);
    return n;
  };
  return {
    port,
    host: values.host ?? env.SAMEN_HOST ?? '127.0.0.1',
    dataDir: path.resolve(values.data ?? env.SAMEN_DATA_DIR ?? '.data/server'),
    databaseUrl: values['database-url'] ?? env.SAMEN_DATABASE_URL ?? undefined,
    seed,
    logLevel: values['log-level'] ?? env.SAMEN_LOG_LEVEL ?? 'info',
    trustProxy: values['trust-proxy'] ?? env.SAMEN_TRUST_PROXY === '1',
    pinLockoutSeconds,
    streamsPerPerson: limit('streams-per-person', env.SAMEN_STREAMS_PER_PERSON, 3, 100),
    streamsPerDevice: limit('streams-per-device', env.SAMEN_STREAMS_PER_DEVICE, 2, 100),
    imageDecodes: limit('image-decodes', env.SAMEN_IMAGE_DECODES, 2, 64),
    smtpUrl,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    mailRate: limit('mail-rate', env.SAMEN_MAIL_RATE, 10, 10_000),
    mailConcurrency: limit('mail-concurrency', env.SAMEN_MAIL_CONCURRENCY, 2, 32),
    mailLeaseSeconds: limit('mail-lease-seconds', env.SAMEN_MAIL_LEASE_SECONDS, 120, 3_600),
    ffmpegPath: values.ffmpeg ?? (env.SAMEN_FFMPEG || undefined),
    updatesDir: updatesDir === undefined ? undefined : path.resolve(updatesDir),
  };
}
