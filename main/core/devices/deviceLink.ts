import type { Device, Organisation } from '../../../common/src/api/entities.js';
import type { ClientMode } from '../../../common/src/ipc/views.js';
import type { Logger } from '../log.js';
import type { HttpClient } from '../net/httpClient.js';
import type { NetResult } from '../net/netError.js';
import type { SecretStore } from './secretStore.js';

export const DEVICE_TOKEN_SECRET = 'device-token';

/** Why a shared or kiosk device has no usable token. */
export type UnlinkedReason = 'not_enrolled' | 'revoked';

export type DeviceLinkState =
  /** A personal workstation: no device token; people log in with a password. */
  | { kind: 'workstation' }
  | { kind: 'linked' }
  | { kind: 'unlinked'; reason: UnlinkedReason };

/** The token is kept with the server it belongs to, so it is never sent to another server. */
interface StoredToken {
  serverUrl: string;
  token: string;
}

/**
 * The device token of a shared ward PC or kiosk: read from the secret store at start, got once by
 * exchanging an enrolment code, forgotten when the server says the device was revoked. Every request
 * of a linked device carries it (X-Samen-Device).
 */
export function createDeviceLink(d: { mode: ClientMode; serverUrl: string; secrets: SecretStore; log: Logger }) {
  const isDevice = d.mode !== 'workstation';
  let token = isDevice ? readToken() : null;
  let reason: UnlinkedReason = 'not_enrolled';

  function readToken(): string | null {
    const text = d.secrets.get(DEVICE_TOKEN_SECRET);
    if (!text) return null;
    try {
      const stored = JSON.parse(text) as Partial<StoredToken>;
      if (typeof stored.token === 'string' && stored.serverUrl === d.serverUrl) return stored.token;
      d.log.info('stored device token belongs to another server; enrolment needed', { mode: d.mode });
    } catch {
      d.log.warn('stored device token unreadable; enrolment needed', { mode: d.mode });
    }
    return null;
  }

  return {
    isDevice,
    token: () => token,
    state(): DeviceLinkState {
      if (!isDevice) return { kind: 'workstation' };
      return token ? { kind: 'linked' } : { kind: 'unlinked', reason };
    },

    /** Exchanges a one-time enrolment code for a device token and keeps it in the secret store. */
    async enrol(http: HttpClient, code: string, organisation: string | undefined): Promise<NetResult<{ device: Device; organisation: Organisation }>> {
      const answer = await http.call('enrolDevice', { body: { code, ...(organisation ? { organisation } : {}) } });
      if (!answer.ok) {
        d.log.info('device enrolment failed', { code: answer.error.code });
        return answer;
      }
      token = answer.value.deviceToken;
      const stored: StoredToken = { serverUrl: d.serverUrl, token };
      try {
        d.secrets.set(DEVICE_TOKEN_SECRET, JSON.stringify(stored));
      } catch (err) {
        // Still linked for this run; the next start asks for a new code.
        d.log.error('could not keep the device token', { reason: err instanceof Error ? err.message : String(err) });
      }
      d.log.info('device enrolled', { deviceId: answer.value.device.id, mode: answer.value.device.mode });
      return { ok: true, value: { device: answer.value.device, organisation: answer.value.organisation } };
    },

    /** The server no longer accepts the token sent: forget it. Answers false when it was not the current token. */
    revoked(sentToken: string): boolean {
      if (!token || sentToken !== token) return false;
      token = null;
      reason = 'revoked';
      try {
        d.secrets.delete(DEVICE_TOKEN_SECRET);
      } catch (err) {
        d.log.error('could not delete the device token', { reason: err instanceof Error ? err.message : String(err) });
      }
      d.log.warn('device token refused by the server: device unlinked', { mode: d.mode });
      return true;
    },
  };
}

export type DeviceLink = ReturnType<typeof createDeviceLink>;
