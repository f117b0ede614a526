import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layering rule of docs/architecture.md, checked on what an import *resolves to*, not on how its
 * path is spelt: `../electron/x.js` from main/core is as wrong as `../../main/electron/x.js`.
 * Each layer lists the layers it may import; `node` says whether Node's built-in modules are
 * reachable there (not where the code also runs in a browser).
 */
const root = path.resolve(import.meta.dirname, '..');

export const LAYERS = {
  common: { dir: 'common/', imports: ['common'], node: false, electron: false },
  server: { dir: 'server/', imports: ['server', 'common'], node: true, electron: false },
  core: { dir: 'main/core/', imports: ['core', 'common'], node: true, electron: false },
  web: { dir: 'main/web/', imports: ['web', 'core', 'common'], node: true, electron: false },
  electron: { dir: 'main/electron/', imports: ['electron', 'core', 'common'], node: true, electron: true },
  // The browser shell's window.samen: a web page, so neither Electron nor Node (listed before preload/).
  bridge: { dir: 'preload/web.ts', imports: ['common'], node: false, electron: false },
  preload: { dir: 'preload/', imports: ['common'], node: false, electron: true },
  renderer: { dir: 'renderer/src/', imports: ['renderer', 'common'], node: false, electron: false },
};

const layerOf = (absolute) => {
  const rel = path.relative(root, absolute).split(path.sep).join('/');
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (layer.dir.endsWith('/') ? rel.startsWith(layer.dir) : rel === layer.dir || rel.replace(/\.js$/, '.ts') === layer.dir) return name;
  }
  return null;
};

const builtins = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec.split('/')[0]);

const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers it may run beside (docs/architecture.md, "Layers").' },
    schema: [],
    messages: {
      layer: "{{from}} may not import {{to}} ({{spec}}): {{from}} imports only {{allowed}}.",
      electron: "Only main/electron and the Electron preload import 'electron'; inject a small interface instead.",
      builtin: "{{from}} also runs in a browser: Node's '{{spec}}' is not there.",
    },
  },
  create(context) {
    const from = layerOf(context.filename);
    if (!from) return {};
    const layer = LAYERS[from];
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!layer.electron) context.report({ node, messageId: 'electron' });
        return;
      }
      if (isBuiltin(spec)) {
        if (!layer.node) context.report({ node, messageId: 'builtin', data: { from, spec } });
        return;
      }
      if (!spec.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(context.filename), spec));
      if (to !== null && layer.imports.includes(to)) return;
      context.report({ node, messageId: 'layer', data: { from, to: to ?? 'files outside the layers', spec, allowed: layer.imports.join(', ') } });
    };
    const source = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: source,
      ExportNamedDeclaration: source,
      ExportAllDeclaration: source,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layering } };
