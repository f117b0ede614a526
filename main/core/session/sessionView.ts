import type { Organisation } from '../../../common/src/api/entities.js';
import type { ClientMode, SessionState, Theme } from '../../../common/src/ipc/views.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { ActiveSession } from './sessionManager.js';

export const themeOf = (org: Organisation, imageUrl: ImageUrl): Theme => ({
  organisationName: org.name,
  intranetName: org.intranetName,
  primaryColor: org.primaryColor,
  accentColor: org.accentColor,
  logoUrl: org.logoImageId ? imageUrl(org.logoImageId, 'full') : null,
});

/** What the renderer knows of the session: never the token. */
export function sessionState(mode: ClientMode, session: ActiveSession | null, cachedOrganisation: Organisation | null, imageUrl: ImageUrl): SessionState {
  if (!session) return { state: 'loggedOut', mode, theme: cachedOrganisation ? themeOf(cachedOrganisation, imageUrl) : null };
  const p = session.person;
  return {
    state: 'loggedIn',
    mode,
    theme: themeOf(session.organisation, imageUrl),
    person: { id: p.id, name: p.name, handle: p.handle, jobTitle: p.jobTitle, roles: p.roles, avatarUrl: p.avatarImageId ? imageUrl(p.avatarImageId, 'thumb') : null },
  };
}
