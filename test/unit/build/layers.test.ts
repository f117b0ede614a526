import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering rules hold only as long as the build refuses to break them: each case lints a small
 * file placed in a layer that imports what that layer may not, and expects the lint to fail.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'samen/layering').map((m) => m.message);
}

describe('the import rules of the layers', () => {
  const breaks: Array<[string, string, string]> = [
    ['common imports nothing of ours', 'common/src/probe.ts', "import { routes } from '../../server/src/app.js';"],
    ['common runs in the browser too', 'common/src/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['the server never imports the client', 'server/src/probe.ts', "import { createSamenCore } from '../../main/core/api.js';"],
    ['the server never imports the renderer', 'server/src/probe.ts', "import { App } from '../../renderer/src/app/App.js';"],
    ['the server never imports the preload', 'server/src/probe.ts', "import '../../preload/web.js';"],
    ['main/core never imports main/electron, however the path is spelt', 'main/core/probe.ts', "import { wireIpc } from '../electron/ipc.js';"],
    ['main/core never imports main/web', 'main/core/sync/probe.ts', "import { createGuard } from '../../web/guard.js';"],
    ['main/core never imports electron', 'main/core/probe.ts', "import { app } from 'electron';"],
    ['the preload never imports main', 'preload/probe.ts', "import { createSamenCore } from '../main/core/api.js';"],
    ['the renderer reaches only common and itself', 'renderer/src/probe.ts', "import { createSamenCore } from '../../main/core/api.js';"],
    ['the renderer never imports the preload', 'renderer/src/app/probe.ts', "import '../../../preload/web.js';"],
    ['the renderer has no Node', 'renderer/src/probe.ts', "import path from 'path';"],
    ['the renderer never imports electron', 'renderer/src/probe.ts', "import { ipcRenderer } from 'electron';"],
    ["the browser shell's bridge is a web page: no electron", 'preload/web.ts', "import { ipcRenderer } from 'electron';"],
    ['main/web is not main/electron', 'main/web/probe.ts', "import { app } from 'electron';"],
  ];
  it.each(breaks)('%s', async (_rule, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  const allowed: Array<[string, string, string]> = [
    ['common imports common', 'common/src/probe.ts', "import { uuidv7 } from './ids.js';"],
    ['main/web builds on main/core', 'main/web/probe.ts', "import { createSamenCore } from '../core/api.js';"],
    ['main/electron builds on main/core and electron', 'main/electron/probe.ts', "import { app } from 'electron';\nimport { createSamenCore } from '../core/api.js';"],
    ['the renderer imports common', 'renderer/src/probe.ts', "import { routes } from '../../common/src/api/routes.js';"],
  ];
  it.each(allowed)('%s', async (_rule, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

/** Each runtime's TypeScript project sees only its own globals: a renderer file with Buffer does not compile. */
describe('the globals of each runtime', () => {
  const scratch = mkdtempSync(path.join(root, 'node_modules/.cache-layers-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  async function compiles(project: string, probe: string, code: string): Promise<boolean> {
    const file = path.join(root, probe);
    writeFileSync(file, code);
    const config = path.join(scratch, `${path.basename(probe, '.ts')}.${path.basename(project)}`);
    writeFileSync(config, JSON.stringify({ extends: path.join(root, project), include: [file] }));
    try {
      await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: root });
      return true;
    } catch {
      return false;
    } finally {
      rmSync(file, { force: true });
    }
  }

  // Each compile is a process of its own (a few seconds of tsc), so they run side by side, each
  // with its own probe file and configuration.
  it.concurrent.each([
    ['the renderer has no Buffer', 'tsconfig.renderer.json', 'renderer/src/__probe_buffer.ts', 'export const b = Buffer.from("x");'],
    ['main/core has no document', 'tsconfig.node.json', 'main/core/__probe_document.ts', 'export const d = document.title;'],
    ['common has no document', 'tsconfig.common.json', 'common/src/__probe_document.ts', 'export const d = document.title;'],
    ['common has no process', 'tsconfig.common.json', 'common/src/__probe_process.ts', 'export const p = process.pid;'],
  ])('%s', async (_rule, project, probe, code) => {
    expect(await compiles(project, probe, code)).toBe(false);
  });

  it.concurrent('a file that keeps to its runtime compiles (so the cases above fail for the right reason)', async () => {
    expect(await compiles('tsconfig.renderer.json', 'renderer/src/__probe_document.ts', 'export const t = document.title;')).toBe(true);
  });
});
