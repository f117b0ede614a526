import type { SamenCoreDeps } from '../api.js';
import type { ClientConfig } from './clientConfig.js';

/**
 * What the machine-wide config sets of the core, the same for both shells; each shell adds only
 * its platform seams (secret store, log, image URLs).
 */
export function coreConfig(config: ClientConfig): Pick<SamenCoreDeps, 'dataDir' | 'serverUrl' | 'organisation' | 'mode' | 'enrolmentCode' | 'idleSeconds' | 'badgeReader'> {
  return {
    dataDir: config.dataDir,
    serverUrl: config.serverUrl,
    mode: config.mode,
    badgeReader: config.badgeReader,
    ...(config.organisation ? { organisation: config.organisation } : {}),
    ...(config.enrolmentCode ? { enrolmentCode: config.enrolmentCode } : {}),
    ...(config.idleSeconds ? { idleSeconds: config.idleSeconds } : {}),
  };
}
