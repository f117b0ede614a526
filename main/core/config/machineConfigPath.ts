import path from 'node:path';

/**
 * Where IT puts the machine-wide client config, read by both shells: `/etc/samen/config.json`,
 * `%ProgramData%\samen\config.json` on Windows, or the file named by `SAMEN_CONFIG` — never in a
 * packaged build, where an environment variable must not point a ward PC at another server.
 */
export function machineConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, o: { packaged: boolean } = { packaged: false }): string {
  if (env.SAMEN_CONFIG && !o.packaged) return env.SAMEN_CONFIG;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'samen', 'config.json');
  return '/etc/samen/config.json';
}
