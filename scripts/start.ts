import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClientMode } from '../common/src/ipc/views.js';
import { createSamenCore } from '../main/core/api.js';
import { loadClientConfig } from '../main/core/config/loadClientConfig.js';
import { fileSecretStore } from '../main/core/devices/secretStore.js';
import { startBrowserShell } from '../main/web/shell.js';
import { shellCore } from '../main/web/shellCore.js';
import { readServerConfig } from '../server/src/config.js';
import { demoLoginText, startServer } from '../server/src/start.js';
import { appDataDir } from './appDataDir.js';
import { buildAll } from './build.js';
import { findElectron } from './findElectron.js';

/**
 * `npm start`: the embedded server with the demo organisation (or `--server URL`) plus the client —
 * in Electron where its binary can run, otherwise the browser shell, whose address it prints.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    mode: { type: 'string', default: 'workstation' },
    server: { type: 'string' },
    'idle-seconds': { type: 'string' },
    'enrolment-code': { type: 'string' },
    config: { type: 'string' },
  },
  strict: true,
});

const fail = (message: string): never => {
  console.error(`samen: ${message}`);
  process.exit(2);
};
const mode = ClientMode.safeParse(values.mode);
if (!mode.success) fail(`--mode must be one of ${ClientMode.options.join(', ')}`);
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be a number from 0 to 65535');
const dataDir = path.resolve(values.data ?? appDataDir());
mkdirSync(dataDir, { recursive: true });

let serverUrl = values.server;
let stopServer: (() => Promise<void>) | null = null;
let enrolmentCode = values['enrolment-code'];
if (!serverUrl) {
  const config = readServerConfig(['--port', '0', '--data', path.join(dataDir, 'server'), '--seed', 'demo'], {});
  const server = await startServer({ ...config, databaseUrl: undefined }, { quiet: true });
  serverUrl = server.url;
  stopServer = server.stop;
  console.log(demoLoginText());
  // The embedded demo server enrols its own ward PC or kiosk, so those modes work without set-up.
  if (mode.data !== 'workstation' && !enrolmentCode) {
    enrolmentCode = (await server.issueEnrolmentCode({ name: `Demo-${mode.data === 'kiosk' ? 'kiosk' : 'afdelings-pc'}`, mode: mode.data! })).code;
  }
}
console.log(`Server: ${serverUrl}`);
const badgeReader = readerSettings(serverUrl);

if (rendererIsStale()) await buildAll({ quiet: true });

const electronBinary = findElectron();
if (electronBinary) {
  await buildAll({ electron: true, quiet: true });
  const configFile = path.join(dataDir, 'client-config.json');
  const clientConfig = { serverUrl, mode: mode.data, dataDir: path.join(dataDir, 'client'), ...idleSetting(), ...(enrolmentCode ? { enrolmentCode } : {}), badgeReader };
  writeFileSync(configFile, JSON.stringify(clientConfig, null, 2));
  const child = spawn(electronBinary, [path.join(root, 'dist/electron/main.js')], { stdio: 'inherit', env: { ...process.env, SAMEN_CONFIG: configFile } });
  child.on('exit', (code) => void stopServer?.().then(() => process.exit(code ?? 0)));
} else {
  const clientDir = path.join(dataDir, 'client');
  const core = createSamenCore({
    dataDir: clientDir,
    serverUrl,
    mode: mode.data!,
    // The browser shell has no OS key store; the device token is a file in the client's data folder.
    secrets: fileSecretStore(clientDir),
    ...(enrolmentCode ? { enrolmentCode } : {}),
    ...idleSetting(),
    badgeReader,
    log: {
      info: () => undefined,
      warn: (m, f) => console.warn(`samen: ${m}`, f ?? ''),
      error: (m, f) => console.error(`samen: ${m}`, f ?? ''),
    },
    imageUrl: (id, size) => `/images/${id}?size=${size}`,
  });
  const shell = await startBrowserShell({
    core: shellCore(core),
    rendererDir: path.join(root, 'renderer/dist'),
    bridgeScript: readFileSync(path.join(root, 'dist/web/samen-bridge.js'), 'utf8'),
    port,
  });
  core.start();
  console.log(`Samen: ${shell.url}`);
  const stop = async () => {
    await shell.close();
    await core.stop();
    await stopServer?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function idleSetting(): { idleSeconds?: number } {
  const text = values['idle-seconds'];
  if (text === undefined) return {};
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail('--idle-seconds must be a whole number of seconds');
  return { idleSeconds: n };
}

/**
 * `--config FILE`: a client config file as IT deploys it on a ward PC, checked the same way; its
 * badge reader settings apply. The flags (and the embedded server) stand in for the rest.
 */
function readerSettings(serverUrl: string) {
  if (values.config === undefined) return undefined;
  const loaded = loadClientConfig(path.resolve(values.config), { defaultDataDir: dataDir, overrides: { serverUrl, mode: mode.data } });
  if (!loaded.ok) return fail(loaded.message);
  return loaded.config.badgeReader;
}

/** Rebuilds when a renderer or bridge source is newer than the build, so `npm start` never serves old code. */
function rendererIsStale(): boolean {
  const built = [path.join(root, 'renderer/dist/index.html'), path.join(root, 'dist/web/samen-bridge.js')];
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
