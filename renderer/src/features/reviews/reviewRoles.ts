import { isReviewer } from '../../../../common/src/reviews/approval';
import { useAppState } from '../../app/sessionStore';

/** Coaches and editors look along, on their own workstation: the queue is never on a shared PC or kiosk. */
export const useIsReviewer = () =>
  useAppState((s) => s.session?.state === 'loggedIn' && s.session.mode === 'workstation' && isReviewer(s.session.person.roles));
