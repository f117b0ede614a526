import { useAppState } from '../../app/sessionStore';

/** Coaches and editors (admins have every role) handle reports, on their own workstation like every Beheer screen. */
export const useIsModerator = () =>
  useAppState((s) => s.session?.state === 'loggedIn' && s.session.mode === 'workstation' && s.session.person.roles.some((r) => r === 'coach' || r === 'editor' || r === 'admin'));
