import { LockScreen } from '../session/LockScreen';
import { useLockFlow } from '../session/lockFlow';
import { SignageScreen } from './SignageScreen';

/**
 * A kiosk with nobody tapped in: its signage, and the shared PC's lock forms only while someone is
 * logging in (a PIN after a tap, employee number + PIN) or needs a message. Those go back to the
 * signage by themselves, as on a ward PC.
 */
export function KioskFace() {
  const onSignage = useLockFlow((s) => s.panel === 'tap' && s.notice === null && !s.reading);
  return onSignage ? <SignageScreen /> : <LockScreen />;
}
