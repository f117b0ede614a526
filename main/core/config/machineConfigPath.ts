import path from 'node:path';

/**
 * Where IT puts the machine-wide client config, read by both shells: `/etc/samen/config.json`,
 * `%ProgramData%\samen\config.json` on Windows, or the file named by `SAMEN_CONFIG`.
 */
export function machineConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SAMEN_CONFIG) return env.SAMEN_CONFIG;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'samen', 'config.json');
  return '/etc/samen/config.json';
}
