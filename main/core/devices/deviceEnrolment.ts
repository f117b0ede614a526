import type { Organisation } from '../../../common/src/api/entities.js';
import type { Result } from '../../../common/src/ipc/contract.js';
import type { Cache } from '../cache/openCache.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import { fail, failWith, ok } from '../result.js';
import type { SessionOrchestrator } from '../session/sessionOrchestrator.js';
import type { SyncEngine } from '../sync/syncEngine.js';
import type { SyncStatusTracker } from '../sync/syncStatus.js';
import type { DeviceLink } from './deviceLink.js';

export interface DeviceEnrolmentDeps {
  link: DeviceLink;
  http: HttpClient;
  /** Organisation slug, when the server hosts more than one. */
  organisation: string | undefined;
  log: Logger;
  adoptOrganisation(org: Organisation): void;
  /** A change of the device runs like a session change, one at a time, and tells the screen. */
  sessions: Pick<SessionOrchestrator, 'exclusive' | 'run' | 'endedByServer' | 'announce' | 'lockScreenChanged'>;
  sync: Pick<SyncEngine, 'follow'>;
  cache: Pick<Cache, 'wipe'>;
  status: Pick<SyncStatusTracker, 'resetLastSynced'>;
  /** Writes queued before enrolment can go now. */
  kick(): void;
}

/**
 * A shared or kiosk device's link with its organisation: enrolment with a one-time code (asked on
 * screen, or given at start), the check at start that brings the organisation's current settings, and
 * the end when the server revokes the device, after which it forgets everything it synced.
 */
export function createDeviceEnrolment(d: DeviceEnrolmentDeps) {
  let ready: Promise<unknown> = Promise.resolve();

  async function enrol(code: string): Promise<Result<unknown>> {
    const state = d.link.state();
    if (state.kind === 'workstation') return fail('invalid_input', 'a workstation is not enrolled');
    if (state.kind === 'linked') return fail('invalid_input', 'this device is enrolled already');
    const answer = await d.link.enrol(d.http, code, d.organisation);
    if (!answer.ok) return failWith(answer.error);
    d.adoptOrganisation(answer.value.organisation);
    d.kick();
    d.sessions.announce();
    return ok(undefined);
  }

  /** A linked device learns its organisation's current name, colours and settings. */
  async function check() {
    const answer = await d.http.call('deviceMe');
    if (!answer.ok) return;
    d.adoptOrganisation(answer.value.organisation);
    d.sessions.lockScreenChanged();
  }

  return {
    enrol: (code: string) => d.sessions.run(() => enrol(code)),
    /** At start: the check of a linked device, or the enrolment with a code given on the command line. */
    start(enrolmentCode: string | undefined) {
      const state = d.link.state();
      if (state.kind === 'linked') void check();
      else if (state.kind === 'unlinked' && enrolmentCode) {
        ready = d.sessions.exclusive(() => enrol(enrolmentCode)).then((result) => {
          if (!result.ok) d.log.warn('enrolment at start failed', { code: result.error.code });
        });
      }
    },
    /** Settles once an enrolment begun at start is done, so the first screen is the right one. */
    ready: () => ready,
    /** The server refused the device token it was sent: the device forgets it, and everything it synced. */
    revoked(sentToken: string) {
      if (!d.link.revoked(sentToken)) return;
      // The server ended the device's sessions with it; nothing to revoke.
      d.sessions.endedByServer();
      d.sync.follow(null);
      d.cache.wipe();
      d.status.resetLastSynced(null);
      d.sessions.announce();
    },
  };
}

export type DeviceEnrolment = ReturnType<typeof createDeviceEnrolment>;
