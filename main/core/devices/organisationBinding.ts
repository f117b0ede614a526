import type { Organisation } from '../../../common/src/api/entities.js';
import { CacheResetError, type Cache } from '../cache/openCache.js';
import type { Logger } from '../log.js';

/**
 * Makes the cache hold one organisation's content: the one the device was enrolled for, or the one
 * of whoever logs in on a workstation. Another organisation's content is dropped first, and with it
 * the time of its last sync (`cleared`). Its current name, colours and settings are kept either way.
 */
export function organisationBinding(d: { cache: Cache; serverUrl: string; log: Logger; cleared(): void }) {
  return (org: Organisation): void => {
    try {
      const switched = d.cache.write((c) => {
        const cleared = c.state.bind({ serverUrl: d.serverUrl, tenantId: org.id });
        c.applier.putOrganisation(org);
        return cleared;
      });
      if (switched) {
        d.log.info('cache held another organisation; starting it afresh', { tenantId: org.id });
        d.cleared();
      }
    } catch (err) {
      // A damaged file was rebuilt empty; the cache's reset listener starts a full sync.
      if (!(err instanceof CacheResetError)) throw err;
    }
  };
}
