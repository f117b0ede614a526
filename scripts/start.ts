import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClientMode } from '../common/src/ipc/views.js';
import { appDataDir } from '../main/core/config/appDataDir.js';
import { parseClientConfig, readConfigFile } from '../main/core/config/loadClientConfig.js';
import { machineConfigPath } from '../main/core/config/machineConfigPath.js';
import { consoleLogger } from '../main/core/log.js';
import { BRIDGE_SCRIPT, RENDERER_DIR, startWebClient } from '../main/web/main.js';
import { readServerConfig } from '../server/src/config.js';
import { demoLoginText, startServer } from '../server/src/start.js';
import { buildAll } from './build.js';
import { findElectron } from './findElectron.js';
import { startOverrides } from './startSettings.js';

/**
 * `npm start`: chooses the shell, nothing more. The client's settings come from the machine-wide
 * config file when there is one, with the command line winning; without a server URL it starts the
 * embedded server with the demo organisation. Then Electron where its binary can run, otherwise the
 * browser shell (main/web/main.ts), whose address it prints.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    mode: { type: 'string' },
    server: { type: 'string' },
    'idle-seconds': { type: 'string' },
    'enrolment-code': { type: 'string' },
    config: { type: 'string' },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(`samen: ${message}`);
  process.exit(2);
}
if (values.mode !== undefined && !ClientMode.safeParse(values.mode).success) fail(`--mode must be one of ${ClientMode.options.join(', ')}`);
const idleSeconds = values['idle-seconds'] === undefined ? undefined : Number(values['idle-seconds']);
if (idleSeconds !== undefined && !(Number.isInteger(idleSeconds) && idleSeconds >= 1)) fail('--idle-seconds must be a whole number of seconds');
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535');
const dataDir = path.resolve(values.data ?? appDataDir());
mkdirSync(dataDir, { recursive: true });

// `--config FILE` tries out a file as IT would install it; without it, the machine-wide file if there is one.
const configFile = values.config === undefined ? machineConfigPath() : path.resolve(values.config);
const file = readConfigFile(configFile, { missingIsEmpty: values.config === undefined });
if (!file.ok) fail(file.message);
const fromFile = file.json;
const { overrides, embeddedServer } = startOverrides(
  fromFile,
  { mode: values.mode, server: values.server, idleSeconds, enrolmentCode: values['enrolment-code'], data: values.data },
  dataDir,
);

let stopServer: (() => Promise<void>) | null = null;
if (embeddedServer) {
  const server = await startServer({ ...readServerConfig(['--port', '0', '--data', path.join(dataDir, 'server'), '--seed', 'demo'], {}), databaseUrl: undefined }, { quiet: true });
  stopServer = server.stop;
  overrides.serverUrl = server.url;
  console.log(demoLoginText());
  // The embedded demo server enrols its own ward PC or kiosk, so those modes work without set-up.
  const mode = overrides.mode ?? fromFile.mode;
  if ((mode === 'shared' || mode === 'kiosk') && !overrides.enrolmentCode && !fromFile.enrolmentCode) {
    overrides.enrolmentCode = (await server.issueEnrolmentCode({ name: `Demo-${mode === 'kiosk' ? 'kiosk' : 'afdelings-pc'}`, mode })).code;
  }
}
const parsed = parseClientConfig(configFile, fromFile, { defaultDataDir: path.join(dataDir, 'client'), overrides });
if (!parsed.ok) {
  await stopServer?.();
  fail(parsed.message);
}
const { config } = parsed;
console.log(`Server: ${config.serverUrl}`);

if (rendererIsStale()) await buildAll({ quiet: true });

const electronBinary = findElectron();
if (electronBinary) {
  await buildAll({ electron: true, quiet: true });
  // Electron reads the same settings from a config file of its own, so what it runs is what this printed.
  const electronConfig = path.join(dataDir, 'client-config.json');
  writeFileSync(electronConfig, JSON.stringify({ ...fromFile, ...overrides, dataDir: config.dataDir }, null, 2));
  const child = spawn(electronBinary, [path.join(root, 'dist/electron/main.js')], { stdio: 'inherit', env: { ...process.env, SAMEN_CONFIG: electronConfig } });
  child.on('exit', (code) => void stopServer?.().then(() => process.exit(code ?? 0)));
} else {
  const client = await startWebClient({ config, port, log: consoleLogger({ info: false }) });
  console.log(`Samen: ${client.url}`);
  const stop = async () => {
    await client.stop();
    await stopServer?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Rebuilds when a renderer or bridge source is newer than the build, so `npm start` never serves old code. */
function rendererIsStale(): boolean {
  const built = [path.join(RENDERER_DIR, 'index.html'), BRIDGE_SCRIPT];
  if (!built.every((f) => existsSync(f))) return true;
  const builtAt = Math.min(...built.map((f) => statSync(f).mtimeMs));
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }, 0);
  return ['renderer/src', 'renderer/index.html', 'preload', 'common/src'].some((p) => {
    const full = path.join(root, p);
    return existsSync(full) && (statSync(full).isDirectory() ? newest(full) : statSync(full).mtimeMs) > builtAt;
  });
}
