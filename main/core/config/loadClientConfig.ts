import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BADGE_READER } from '../../../common/src/badge/readerSettings.js';
import { ClientConfigFileSchema, type ClientConfig } from './clientConfig.js';

export interface ConfigProblem {
  /** The field as written in the file (`serverUrl`, `badgeReader.maxGapMs`), or `(file)` for the file as a whole. */
  field: string;
  message: string;
}

export type ConfigResult = { ok: true; config: ClientConfig } | { ok: false; file: string; problems: ConfigProblem[]; message: string };

/**
 * Reads the machine-wide config. `overrides` (from a developer's environment) win over the file.
 * Every wrong field is named in the answer, so IT can fix the file in one go.
 */
export function loadClientConfig(file: string, o: { defaultDataDir: string; overrides?: Record<string, unknown> }): ConfigResult {
  const failed = (problems: ConfigProblem[]): ConfigResult => ({
    ok: false,
    file,
    problems,
    message: `Samen config ${file} is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  });

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return failed([{ field: '(file)', message: code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'error'})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return failed([{ field: '(file)', message: `is not valid JSON (${err instanceof Error ? err.message : 'parse error'})` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return failed([{ field: '(file)', message: 'must hold a JSON object' }]);

  const parsed = ClientConfigFileSchema.safeParse({ ...json, ...o.overrides });
  if (!parsed.success) {
    return failed(
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known setting' }))
          : [{ field: issue.path.join('.') || '(file)', message: issue.message }],
      ),
    );
  }
  const c = parsed.data;
  return {
    ok: true,
    config: {
      serverUrl: c.serverUrl.replace(/\/+$/, ''),
      mode: c.mode,
      organisation: c.organisation,
      idleSeconds: c.idleSeconds,
      enrolmentCode: c.enrolmentCode,
      dataDir: path.resolve(path.dirname(file), c.dataDir ?? o.defaultDataDir),
      badgeReader: c.badgeReader ?? DEFAULT_BADGE_READER,
    },
  };
}
