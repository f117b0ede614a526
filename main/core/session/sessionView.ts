import type { Organisation } from '../../../common/src/api/entities.js';
import type { BadgeReaderSettings } from '../../../common/src/badge/readerSettings.js';
import type { ClientMode, SessionState, Theme } from '../../../common/src/ipc/views.js';
import type { DeviceLinkState } from '../devices/deviceLink.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { ActiveSession } from './sessionManager.js';

export const themeOf = (org: Organisation, imageUrl: ImageUrl): Theme => ({
  organisationName: org.name,
  intranetName: org.intranetName,
  primaryColor: org.primaryColor,
  accentColor: org.accentColor,
  logoUrl: org.logoImageId ? imageUrl(org.logoImageId, 'full') : null,
});

/** Seconds without input before a session of this organisation locks in this mode. */
export function idleSecondsFor(mode: ClientMode, org: Organisation, override: number | undefined): number {
  if (override !== undefined) return override;
  const s = org.settings;
  return mode === 'shared' ? s.sharedIdleSeconds : mode === 'kiosk' ? s.kioskIdleSeconds : s.workstationIdleSeconds;
}

export interface SessionViewSources {
  mode: ClientMode;
  session: ActiveSession | null;
  /** The organisation as last seen (cache): the lock screen shows its name and colours. */
  cachedOrganisation: Organisation | null;
  device: DeviceLinkState;
  /** Whether the server answered lately. */
  online: boolean;
  idleSecondsOverride: number | undefined;
  /** The machine's badge reader (machine-wide config); only shared and kiosk devices have one. */
  badgeReader: BadgeReaderSettings;
  imageUrl: ImageUrl;
}

/** What the renderer knows of the session: never a token or a badge id. */
export function sessionState(s: SessionViewSources): SessionState {
  const badgeReader = s.mode === 'workstation' ? null : s.badgeReader;
  if (s.device.kind === 'unlinked') return { state: 'deviceUnlinked', mode: s.mode, badgeReader, reason: s.device.reason };
  const session = s.session;
  if (!session) {
    return { state: 'loggedOut', mode: s.mode, badgeReader, theme: s.cachedOrganisation ? themeOf(s.cachedOrganisation, s.imageUrl) : null, online: s.online };
  }
  const p = session.person;
  return {
    state: 'loggedIn',
    mode: s.mode,
    badgeReader,
    theme: themeOf(session.organisation, s.imageUrl),
    person: { id: p.id, name: p.name, handle: p.handle, jobTitle: p.jobTitle, roles: p.roles, avatarUrl: p.avatarImageId ? s.imageUrl(p.avatarImageId, 'thumb') : null },
    via: session.via,
    idle: { idleSeconds: idleSecondsFor(s.mode, session.organisation, s.idleSecondsOverride) },
  };
}
