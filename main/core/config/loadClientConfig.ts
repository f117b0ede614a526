import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BADGE_READER } from '../../../common/src/badge/readerSettings.js';
import { ClientConfigFileSchema, DEFAULT_UPDATE_SETTINGS, defaultFeedUrl, type ClientConfig } from './clientConfig.js';
import { dutchConfigMessage } from './configMessages.js';

export interface ConfigProblem {
  /** The field as written in the file (`serverUrl`, `badgeReader.maxGapMs`), or `(file)` for the file as a whole. */
  field: string;
  /** In English, as the schema says it. */
  message: string;
  /** The same in Dutch. */
  nl: string;
}

export type ConfigResult = { ok: true; config: ClientConfig } | { ok: false; file: string; problems: ConfigProblem[]; message: string };
export type ConfigFileResult = { ok: true; json: Record<string, unknown> } | Extract<ConfigResult, { ok: false }>;

/** Both languages in one message: IT reads it in a dialog or a log, maybe not in Dutch. */
const failed = (file: string, found: Omit<ConfigProblem, 'nl'>[]): Extract<ConfigResult, { ok: false }> => {
  const problems = found.map((p) => ({ ...p, nl: dutchConfigMessage(p.message) }));
  return {
    ok: false,
    file,
    problems,
    message:
      `Samen-configuratie ${file} klopt niet: ${problems.map((p) => `${p.field}: ${p.nl}`).join('; ')}\n` +
      `Samen config ${file} is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  };
};

/** The file's JSON object; with `missingIsEmpty`, an absent file reads as `{}` (a developer's machine). */
export function readConfigFile(file: string, o: { missingIsEmpty?: boolean } = {}): ConfigFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && o.missingIsEmpty) return { ok: true, json: {} };
    return failed(file, [{ field: '(file)', message: code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'error'})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return failed(file, [{ field: '(file)', message: `is not valid JSON (${err instanceof Error ? err.message : 'parse error'})` }]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return failed(file, [{ field: '(file)', message: 'must hold a JSON object' }]);
  return { ok: true, json: json as Record<string, unknown> };
}

/**
 * Checks the config as read, with `overrides` (a developer's command line) winning over the file.
 * Every wrong field is named in the answer, so IT can fix the file in one go.
 */
export function parseClientConfig(file: string, json: Record<string, unknown>, o: { defaultDataDir: string; overrides?: Record<string, unknown> }): ConfigResult {
  const parsed = ClientConfigFileSchema.safeParse({ ...json, ...o.overrides });
  if (!parsed.success) {
    return failed(
      file,
      parsed.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known setting' }))
          : [{ field: issue.path.join('.') || '(file)', message: issue.message }],
      ),
    );
  }
  const c = parsed.data;
  const serverUrl = c.serverUrl.replace(/\/+$/, '');
  return {
    ok: true,
    config: {
      serverUrl,
      mode: c.mode,
      organisation: c.organisation,
      idleSeconds: c.idleSeconds,
      enrolmentCode: c.enrolmentCode,
      dataDir: path.resolve(path.dirname(file), c.dataDir ?? o.defaultDataDir),
      badgeReader: c.badgeReader ?? DEFAULT_BADGE_READER,
      startAtLogin: c.startAtLogin ?? false,
      updates: {
        enabled: c.updates?.enabled ?? DEFAULT_UPDATE_SETTINGS.enabled,
        checkEveryHours: c.updates?.checkEveryHours ?? DEFAULT_UPDATE_SETTINGS.checkEveryHours,
        maintenanceWindow: c.updates?.maintenanceWindow ?? DEFAULT_UPDATE_SETTINGS.maintenanceWindow,
        feedUrl: c.updates?.feedUrl?.replace(/\/+$/, '') ?? defaultFeedUrl(serverUrl),
      },
      kioskWakeHours: c.kioskWakeHours ?? null,
    },
  };
}

/** Reads and checks the machine-wide config file. */
export function loadClientConfig(file: string, o: { defaultDataDir: string; overrides?: Record<string, unknown> }): ConfigResult {
  const read = readConfigFile(file);
  return read.ok ? parseClientConfig(file, read.json, o) : read;
}
