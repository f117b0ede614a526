import { useAppState } from '../../app/sessionStore';

type Role = 'editor' | 'admin';

/** Editor and admin screens are for one's own workstation: never on a shared PC or a kiosk. */
function useHasRole(roles: readonly Role[]): boolean {
  return useAppState((s) => s.session?.state === 'loggedIn' && s.session.mode === 'workstation' && s.session.person.roles.some((r) => (roles as readonly string[]).includes(r)));
}

export const useIsEditor = () => useHasRole(['editor', 'admin']);
export const useIsAdmin = () => useHasRole(['admin']);
