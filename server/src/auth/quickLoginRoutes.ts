import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { routes } from '../../../common/src/api/routes.js';
import type { ServerContext } from '../context.js';
import type { OrganisationsTable, PeopleTable } from '../db/schema.js';
import { ApiError } from '../http/apiError.js';
import { register } from '../http/register.js';
import { reserveHit } from '../limits/rateLimit.js';
import { organisationFromRow, personFromRow, settingsFromJson } from '../people/serialize.js';
import { recordAuthEvent, type AuthAction, type AuthResult } from '../audit/audit.js';
import { issueDeviceSession } from './deviceSessions.js';
import { assertNotSuspended } from './deviceSuspension.js';
import { reservePinAttempt } from './pinAttempt.js';
import { assertNotLocked } from './pinLockout.js';
import { pinDue } from './pinPolicy.js';
import type { DevicePrincipal } from './principal.js';
import { verifySecret } from './secrets.js';

/** Unknown badges one device may tap: readers do not invent ids, someone trying them does. */
const UNKNOWN_BADGES_PER_DEVICE = { limit: 30, windowSeconds: 900 };

/**
 * Quick login on an enrolled ward PC or kiosk (device token required): a badge tap, with the PIN when
 * the tenant's policy asks for it, or employee number + PIN (which can also link a new badge). Both
 * answer with a session bound to the device and a delivery grant for the person's queued writes.
 */
export function registerQuickLoginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  register(app, ctx, routes.authBadge, async ({ body, principal: device }) => {
    const t = device.tenantId;
    const audit = auditor(ctx, device, 'login_badge');
    // Counted before the lookup, so taps arriving together cannot all slip under the limit; a badge
    // that turns out to be known takes its tap back.
    const tap = await refusedAudited(() => reserveHit(ctx, t, `badge-unknown:${device.deviceId}`, UNKNOWN_BADGES_PER_DEVICE), () => audit(null, 'rate_limited'));
    const person = await ctx.k
      .selectFrom('badges')
      .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'badges.tenant_id').onRef('people.id', '=', 'badges.person_id'))
      .selectAll('people')
      .where('badges.tenant_id', '=', t)
      .where('badges.badge_id', '=', body.badgeId)
      .executeTakeFirst();
    if (person) await tap.giveBack();
    if (!person || person.active !== 1) {
      await audit(person?.id ?? null, person ? 'inactive' : 'unknown_badge');
      throw new ApiError('unknown_badge', 'Deze pas is nog niet gekoppeld. Log in met je personeelsnummer en pincode om hem te koppelen.');
    }
    const org = await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', t).executeTakeFirstOrThrow();
    const now = ctx.now();
    // Someone without a PIN has nothing to enter: the badge alone is all the tenant gave them.
    const due = person.pin_hash === null ? null : pinDue(settingsFromJson(org.settings), person.last_pin_at ? new Date(person.last_pin_at) : null, now);
    const checkPin = due !== null || body.pin !== undefined;
    if (checkPin) {
      if (body.pin === undefined) {
        // Nothing is tried yet, so nothing is counted: only say why a PIN would not help now.
        await refusedAudited(() => assertNotSuspended(ctx, t, device.deviceId), () => audit(person.id, 'device_suspended'));
        await refusedAudited(() => assertNotLocked(ctx, t, person.employee_number), () => audit(person.id, 'pin_locked'));
        await audit(person.id, 'pin_required');
        throw new ApiError('pin_required', 'Vul ook je pincode in.');
      }
      const attempt = await reservePinAttempt(ctx, device, 'login_badge', person.employee_number, person.id);
      if (!(await verifySecret(body.pin, person.pin_hash))) throw await attempt.wrong('wrong_pin', 'De pincode klopt niet.');
      await attempt.right();
    }
    return logIn(ctx, device, 'login_badge', person, checkPin, org);
  });

  register(app, ctx, routes.authPin, async ({ body, principal: device }) => {
    // Every step below is the same for a number nobody has, down to the scrypt of a dummy hash, so
    // neither the answer nor its timing tells whether an employee number exists.
    const person = await ctx.k.selectFrom('people').selectAll().where('tenant_id', '=', device.tenantId).where('employee_number', '=', body.employeeNumber).executeTakeFirst();
    const attempt = await reservePinAttempt(ctx, device, 'login_pin', body.employeeNumber, person?.id ?? null);
    const ok = await verifySecret(body.pin, person?.pin_hash ?? null);
    if (!person || !ok || person.active !== 1) {
      const result = !person ? 'unknown_person' : !ok ? 'wrong_pin' : 'inactive';
      throw await attempt.wrong(result, 'Personeelsnummer of pincode klopt niet.');
    }
    await attempt.right();
    if (body.linkBadgeId) await linkBadge(ctx, device, person.id, body.linkBadgeId);
    return logIn(ctx, device, 'login_pin', person, true);
  });
}

type Person = Selectable<PeopleTable>;

function auditor(ctx: ServerContext, device: DevicePrincipal, action: AuthAction) {
  return (personId: string | null, result: AuthResult) =>
    recordAuthEvent(ctx.k, { tenantId: device.tenantId, personId, deviceId: device.deviceId, action, result }, ctx.now());
}

/** Runs a check that may refuse; a refusal is audited before it is thrown. */
async function refusedAudited<T>(check: () => Promise<T>, onRefused: () => Promise<void>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof ApiError) await onRefused();
    throw err;
  }
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
  }
  const session = await issueDeviceSession(ctx, { tenantId: t, personId: person.id, deviceId: device.deviceId });
  await recordAuthEvent(ctx.k, { tenantId: t, personId: person.id, deviceId: device.deviceId, action, result: 'ok' }, now);
  const org = loadedOrg ?? (await ctx.k.selectFrom('organisations').selectAll().where('tenant_id', '=', t).executeTakeFirstOrThrow());
  return { ...session, person: personFromRow(person), organisation: organisationFromRow(org) };
}
