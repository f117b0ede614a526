import path from 'node:path';

export interface StartFlags {
  mode?: string | undefined;
  server?: string | undefined;
  idleSeconds?: number | undefined;
  enrolmentCode?: string | undefined;
  /** `--data`, resolved; the client's part lives in its `client/` folder. */
  data?: string | undefined;
}

/**
 * What `npm start`'s command line changes of the machine-wide config file (`fromFile`, `{}` when
 * there is none): a flag wins over the file, the file over the defaults (workstation mode, the data
 * folder's `client/`). Without a server URL from either, the embedded demo server is needed.
 */
export function startOverrides(fromFile: Record<string, unknown>, flags: StartFlags, dataDir: string): { overrides: Record<string, unknown>; embeddedServer: boolean } {
  const overrides: Record<string, unknown> = {
    ...(flags.server ? { serverUrl: flags.server } : {}),
    ...(flags.mode ? { mode: flags.mode } : fromFile.mode === undefined ? { mode: 'workstation' } : {}),
    ...(flags.idleSeconds !== undefined ? { idleSeconds: flags.idleSeconds } : {}),
    ...(flags.enrolmentCode ? { enrolmentCode: flags.enrolmentCode } : {}),
    ...(flags.data || fromFile.dataDir === undefined ? { dataDir: path.join(dataDir, 'client') } : {}),
  };
  return { overrides, embeddedServer: overrides.serverUrl === undefined && fromFile.serverUrl === undefined };
}
