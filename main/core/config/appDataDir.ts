import os from 'node:os';
import path from 'node:path';

/** The per-user application data folder, as each platform names it. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Samen');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Samen');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'samen');
}
