import type { ServerContext } from '../context.js';
import { ApiError } from '../http/apiError.js';
import { recordAuthEvent, type AuthAction, type AuthResult } from '../audit/audit.js';
import { deviceSuspendedError, reserveDeviceAttempt } from './deviceSuspension.js';
import { clearAfterRightPin, keepWrongPin, pinLockedError, reserveNumberAttempt } from './pinLockout.js';
import type { DevicePrincipal } from './principal.js';

/** One PIN attempt, let through to the PIN comparison: say how it went. */
export interface PinAttempt {
  /** The PIN was right: the device gets its attempt back and the number's count starts over. */
  right(): Promise<void>;
  /** The PIN was wrong: the attempt stays counted. The answer: invalid_credentials, or pin_locked once the number is locked. */
  wrong(result: AuthResult, message: string): Promise<ApiError>;
}

/**
 * Reserves a PIN attempt before any scrypt: first on the device (suspension), then on the employee
 * number (lockout), each counted and decided in one locked step, so a burst of requests gets no more
 * PIN comparisons than the limits allow. A refusal gives back what was already reserved, is audited
 * and thrown. Everything here depends on the number as typed, never on whether someone has it.
 */
export async function reservePinAttempt(
  ctx: ServerContext,
  device: DevicePrincipal,
  action: 'login_badge' | 'login_pin',
  employeeNumber: string,
  personId: string | null,
): Promise<PinAttempt> {
  const t = device.tenantId;
  const audit = (a: AuthAction, r: AuthResult, who = personId) => recordAuthEvent(ctx.k, { tenantId: t, personId: who, deviceId: device.deviceId, action: a, result: r }, ctx.now());

  const onDevice = await reserveDeviceAttempt(ctx, t, device.deviceId, employeeNumber);
  if (!onDevice.allowed) {
    // The suspension is the device's, not of whoever's number happened to be typed last.
    if (onDevice.suspendedNow) await audit('device_suspension', 'suspended', null);
    await audit(action, 'device_suspended');
    throw deviceSuspendedError(onDevice.suspendedUntil, ctx.now());
  }
  const onNumber = await reserveNumberAttempt(ctx, t, employeeNumber);
  if (!onNumber.allowed) {
    await onDevice.giveBack();
    if (onNumber.lockedNow) await audit('pin_lockout', 'locked');
    await audit(action, 'pin_locked');
    throw pinLockedError(onNumber.lockedUntil, ctx.now());
  }

  return {
    async right() {
      await onDevice.giveBack();
      await clearAfterRightPin(ctx, t, employeeNumber);
    },
    async wrong(result, message) {
      const { lockedUntil, lockedNow } = await keepWrongPin(ctx, t, employeeNumber);
      await audit(action, result);
      if (lockedNow) await audit('pin_lockout', 'locked');
      return lockedUntil ? pinLockedError(lockedUntil, ctx.now()) : new ApiError('invalid_credentials', message);
    },
  };
}
