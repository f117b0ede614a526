import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSamenCore } from '../core/api.js';
import type { ClientConfig } from '../core/config/clientConfig.js';
import { coreConfig } from '../core/config/coreConfig.js';
import { fileSecretStore } from '../core/devices/secretStore.js';
import type { Logger } from '../core/log.js';
import { imagePath } from '../core/serving/imageRequest.js';
import { startBrowserShell } from './shell.js';
import { shellCore } from './shellCore.js';

/** The built renderer and the browser bridge, beside the sources (`npm run build`). */
const root = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(root, 'renderer/dist');
export const BRIDGE_SCRIPT = path.join(root, 'dist/web/samen-bridge.js');

export interface WebClient {
  /** The address to open, with the per-start token. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The browser shell's composition root, beside Electron's (main/electron/main.ts): the same core
 * from the same machine-wide config, served to a browser on 127.0.0.1 instead of a window.
 */
export async function startWebClient(o: { config: ClientConfig; port?: number; log: Logger }): Promise<WebClient> {
  const core = createSamenCore({
    ...coreConfig(o.config),
    // The browser shell has no OS key store; the device token is a file in the client's data folder.
    secrets: fileSecretStore(o.config.dataDir),
    log: o.log,
    imageUrl: imagePath,
    appVersion: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
  });
  const shell = await startBrowserShell({
    core: shellCore(core),
    rendererDir: RENDERER_DIR,
    bridgeScript: readFileSync(BRIDGE_SCRIPT, 'utf8'),
    ...(o.port !== undefined ? { port: o.port } : {}),
  });
  core.start();
  return {
    url: shell.url,
    async stop() {
      await shell.close();
      await core.stop();
    },
  };
}
