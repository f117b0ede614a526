import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Doyensec's Electronegativity over main/electron, where it is installed (it is not a dependency: it
 * pulls in much and needs the network for its own updates). Point SAMEN_ELECTRONEGATIVITY at a folder
 * with it installed (`npm install --prefix <dir> @doyensec/electronegativity`) or install it here.
 * Every finding fails the test unless it is listed below with the reason it does not apply.
 */
const root = path.resolve(import.meta.dirname, '../../..');

function findElectronegativity(): string | null {
  const roots = [process.env.SAMEN_ELECTRONEGATIVITY, root].filter((r): r is string => !!r);
  for (const r of roots) {
    try {
      const pkg = createRequire(path.join(r, 'package.json')).resolve('@doyensec/electronegativity/package.json');
      const cli = path.join(path.dirname(pkg), 'dist/index.js');
      if (existsSync(cli)) return cli;
    } catch {
      // Not installed under this folder.
    }
  }
  return null;
}

/** Findings that static analysis cannot see through, each checked elsewhere. Keyed by check and file. */
const NOT_APPLICABLE: Record<string, string> = {
  'CSP_GLOBAL_CHECK N/A': 'the CSP is a header set by the app:// protocol handler (appProtocol.ts, contentSecurityPolicy.ts), not a <meta> tag',
  'CONTEXT_ISOLATION_JS_CHECK main/electron/screens.ts': 'webPreferences come from secureWebPreferences(), checked value by value in securityPolicy.test.ts',
  'SANDBOX_JS_CHECK main/electron/screens.ts': 'the same: sandbox: true from secureWebPreferences(), plus app.enableSandbox()',
  'AUXCLICK_JS_CHECK main/electron/screens.ts': 'the same: disableBlinkFeatures Auxclick from secureWebPreferences(), and every window.open is refused',
  'OPEN_EXTERNAL_JS_CHECK main/electron/windowSecurity.ts': 'only after mayOpenExternally (http(s), no credentials, never on a kiosk), tested in securityPolicy.test.ts',
};

const cli = findElectronegativity();
if (!cli) {
  console.warn('\n[skip] electronegativity: @doyensec/electronegativity is not installed here (set SAMEN_ELECTRONEGATIVITY to a folder that has it).\n');
}

describe.skipIf(!cli)('Electronegativity over the Electron shell', () => {
  it('finds nothing beyond what is listed as not applicable, with its reason', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'samen-egy-'));
    try {
      const csv = path.join(out, 'findings.csv');
      execFileSync(process.execPath, [cli!, '-i', path.join(root, 'main/electron'), '-o', csv, '-e', '45.0.0', '-v', 'false'], { stdio: 'pipe', timeout: 120_000 });
      const findings = readFileSync(csv, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [check, , , file] = line.split(',').map((f) => f.replace(/^"|"$/g, ''));
          return `${check} ${file === 'N/A' ? 'N/A' : path.relative(root, file!)}`;
        });
      console.info(`electronegativity findings: ${findings.join('; ') || 'none'}`);
      expect(findings.filter((f) => !(f in NOT_APPLICABLE))).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 150_000);
});
