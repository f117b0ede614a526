import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import type { OrganisationsTable, PeopleTable } from '../db/schema.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { checkRateLimit, countHit } from '../limits/rateLimit.js';
import { organisationFromRow, personFromRow, settingsFromJson } from '../people/serialize.js';
import { recordAuthEvent, type AuthAction, type AuthResult } from '../audit/audit.js';
import { issueDeviceSession } from './deviceSessions.js';
import { assertNotLocked, clearWrongPins, countWrongPin, pinLockedError } from './pinLockout.js';
import { pinDue } from './pinPolicy.js';
import type { DevicePrincipal } from './principal.js';
import { verifySecret } from './secrets.js';

/** Unknown badges one device may tap: readers do not invent ids, someone trying them does. */
const UNKNOWN_BADGES_PER_DEVICE = { limit: 30, windowSeconds: 900 };
/** Wrong PINs one device may send over all employee numbers, on top of the lock per number. */
const WRONG_PINS_PER_DEVICE = { limit: 50, windowSeconds: 900 };

/**
 * Quick login on an enrolled ward PC or kiosk (device token required): a badge tap, with the PIN when
 * the tenant's policy asks for it, or employee number + PIN (which can also link a new badge). Both
 * answer with a session bound to the device and a delivery grant for the person's queued writes.
 */
export function registerQuickLoginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.authBadge, async ({ body, principal: device }) => {
    const t = device.tenantId;
    const audit = auditor(ctx, device, 'login_badge');
    await limited(ctx, device, `badge-unknown:${device.deviceId}`, UNKNOWN_BADGES_PER_DEVICE, () => audit(null, 'rate_limited'));
    const person = await ctx.k
      .selectFrom('badges')
      .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'badges.tenant_id').onRef('people.id', '=', 'badges.person_id'))
      .selectAll('people')
      .where('badges.tenant_id', '=', t)
      .where('badges.badge_id', '=', body.badgeId)
      .executeTakeFirst();
    if (!person || person.active !== 1) {
      if (!person) await countHit(ctx, t, `badge-unknown:${device.deviceId}`, UNKNOWN_BADGES_PER_DEVICE);
      await audit(person?.id ?? null, person ? 'inactive' : 'unknown_badge');
      throw new ApiError('unknown_badge', 'Deze pas is nog niet gekoppeld. Log in met je personeelsnummer en pincode om hem te koppelen.');
    }
    const org = await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', t).executeTakeFirstOrThrow();
    const now = ctx.now();
    // Someone without a PIN has nothing to enter: the badge alone is all the tenant gave them.
    const due = person.pin_hash === null ? null : pinDue(settingsFromJson(org.settings), person.last_pin_at ? new Date(person.last_pin_at) : null, now);
    const checkPin = due !== null || body.pin !== undefined;
    if (checkPin) {
      await notLocked(ctx, t, person.employee_number, () => audit(person.id, 'pin_locked'));
      if (body.pin === undefined) {
        await audit(person.id, 'pin_required');
        throw new ApiError('pin_required', 'Vul ook je pincode in.');
      }
      await limited(ctx, device, `pin-device:${device.deviceId}`, WRONG_PINS_PER_DEVICE, () => audit(person.id, 'rate_limited'));
      if (!(await verifySecret(body.pin, person.pin_hash))) {
        throw await wrongPin(ctx, device, 'login_badge', person.employee_number, person.id, 'wrong_pin', 'De pincode klopt niet.');
      }
    }
    return logIn(ctx, device, 'login_badge', person, checkPin, org);
  });

  register(app, ctx, routes.authPin, async ({ body, principal: device }) => {
    const t = device.tenantId;
    const audit = auditor(ctx, device, 'login_pin');
    // Every step below is the same for a number nobody has, down to the scrypt of a dummy hash, so
    // neither the answer nor its timing tells whether an employee number exists.
    const person = await ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', t).where('employee_number', '=', body.employeeNumber).executeTakeFirst();
    await notLocked(ctx, t, body.employeeNumber, () => audit(person?.id ?? null, 'pin_locked'));
    await limited(ctx, device, `pin-device:${device.deviceId}`, WRONG_PINS_PER_DEVICE, () => audit(person?.id ?? null, 'rate_limited'));
    const ok = await verifySecret(body.pin, person?.pin_hash ?? null);
    if (!person || !ok || person.active !== 1) {
      const result = !person ? 'unknown_person' : !ok ? 'wrong_pin' : 'inactive';
      throw await wrongPin(ctx, device, 'login_pin', body.employeeNumber, person?.id ?? null, result, 'Personeelsnummer of pincode klopt niet.');
    }
    if (body.linkBadgeId) await linkBadge(ctx, device, person.id, body.linkBadgeId);
    return logIn(ctx, device, 'login_pin', person, true);
  });
}

type Person = Selectable<PeopleTable>;

function auditor(ctx: ServerContext, device: DevicePrincipal, action: AuthAction) {
  return (personId: string | null, result: AuthResult) =>
    recordAuthEvent(ctx.k, { tenantId: device.tenantId, personId, deviceId: device.deviceId, action, result }, ctx.now());
}

async function limited(ctx: ServerContext, device: DevicePrincipal, bucket: string, rule: { limit: number; windowSeconds: number }, onLimited: () => Promise<void>) {
  try {
    await checkRateLimit(ctx, device.tenantId, bucket, rule);
  } catch (err) {
    await onLimited();
    throw err;
  }
}

async function notLocked(ctx: ServerContext, tenantId: string, employeeNumber: string, onLocked: () => Promise<void>) {
  try {
    await assertNotLocked(ctx, tenantId, employeeNumber);
  } catch (err) {
    await onLocked();
    throw err;
  }
}

/** Counts a wrong PIN for the employee number and gives the answer; the one that locks it answers pin_locked at once. */
async function wrongPin(
  ctx: ServerContext,
  device: DevicePrincipal,
  action: 'login_badge' | 'login_pin',
  employeeNumber: string,
  personId: string | null,
  result: AuthResult,
  message: string,
): Promise<ApiError> {
  const t = device.tenantId;
  await countHit(ctx, t, `pin-device:${device.deviceId}`, WRONG_PINS_PER_DEVICE);
  const { lockedUntil } = await countWrongPin(ctx, t, employeeNumber);
  const audit = (a: AuthAction, r: AuthResult) => recordAuthEvent(ctx.k, { tenantId: t, personId, deviceId: device.deviceId, action: a, result: r }, ctx.now());
  await audit(action, result);
  if (lockedUntil) {
    await audit('pin_lockout', 'locked');
    return pinLockedError(lockedUntil, ctx.now());
  }
  return new ApiError('invalid_credentials', message);
}

/** Links a badge that nobody has yet; a badge of someone else stays theirs. */
async function linkBadge(ctx: ServerContext, device: DevicePrincipal, personId: string, badgeId: string) {
  const t = device.tenantId;
  const inserted = await ctx.k
    .insertInto('badges')
    .values({ tenant_id: t, badge_id: badgeId, person_id: personId, created_at: ctx.now().toISOString() })
    .onConflict((oc) => oc.columns(['tenant_id', 'badge_id']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  if (inserted) {
    await recordAuthEvent(ctx.k, { tenantId: t, personId, deviceId: device.deviceId, action: 'badge_linked', result: 'ok' }, ctx.now());
    return;
  }
  const owner = await ctx.k.selectFrom('badges').select('person_id').where('tenant_id', '=', t).where('badge_id', '=', badgeId).executeTakeFirst();
  if (owner?.person_id === personId) return;
  await recordAuthEvent(ctx.k, { tenantId: t, personId, deviceId: device.deviceId, action: 'badge_linked', result: 'conflict' }, ctx.now());
  throw new ApiError('conflict', 'Deze pas is al gekoppeld aan een collega. Meld het bij de beheerder.');
}

async function logIn(
  ctx: ServerContext,
  device: DevicePrincipal,
  action: 'login_badge' | 'login_pin',
  person: Person,
  pinEntered: boolean,
  loadedOrg?: Selectable<OrganisationsTable>,
) {
  const t = device.tenantId;
  const now = ctx.now();
  if (pinEntered) {
    await ctx.k.updateTable('people').set({ last_pin_at: now.toISOString() }).where('tenant_id', '=', t).where('id', '=', person.id).execute();
    await clearWrongPins(ctx, t, person.employee_number);
  }
  const session = await issueDeviceSession(ctx, { tenantId: t, personId: person.id, deviceId: device.deviceId });
  await recordAuthEvent(ctx.k, { tenantId: t, personId: person.id, deviceId: device.deviceId, action, result: 'ok' }, now);
  const org = loadedOrg ?? (await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', t).executeTakeFirstOrThrow());
  return { ...session, person: personFromRow(person), organisation: organisationFromRow(org) };
}
