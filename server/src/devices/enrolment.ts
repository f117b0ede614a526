import type { Selectable } from 'kysely';
import { uuidv7 } from '../../../common/src/ids.js';
import type { DeviceMode } from '../auth/principal.js';
import { makeToken } from '../auth/tokens.js';
import type { ServerContext } from '../context.js';
import type { DevicesTable } from '../db/schema.js';
import { generateEnrolmentCode, hashEnrolmentCode } from './enrolmentCode.js';

/**
 * Makes a one-time enrolment code for a device of `mode`, valid `validMinutes`. The code is returned
 * once and stored only as a hash. Used by the admin route, and by `npm start` to enrol its own client.
 */
export async function issueEnrolmentCode(
  ctx: ServerContext,
  o: { tenantId: string; name: string; mode: DeviceMode; validMinutes: number; createdBy: string | null },
): Promise<{ code: string; expiresAt: string }> {
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + o.validMinutes * 60_000).toISOString();
  // A clash of two live codes is vanishingly rare; a new draw settles it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = generateEnrolmentCode();
    const inserted = await ctx.k
      .insertInto('enrolment_codes')
      .values({
        tenant_id: o.tenantId,
        code_hash: hashEnrolmentCode(code),
        name: o.name,
        mode: o.mode,
        created_by: o.createdBy,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
        device_id: null,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'code_hash']).doNothing())
      .returning('code_hash')
      .executeTakeFirst();
    if (inserted) return { code, expiresAt };
  }
  throw new Error('could not draw a free enrolment code');
}

/**
 * Exchanges a code for a new device and its token, once: the code is claimed by a single conditional
 * update, so two devices racing with the same code cannot both win. Null for a wrong, used or expired
 * code alike.
 */
export async function redeemEnrolmentCode(
  ctx: ServerContext,
  tenantId: string,
  typed: string,
): Promise<{ deviceToken: string; device: Selectable<DevicesTable> } | null> {
  const now = ctx.now();
  const deviceId = uuidv7(now.getTime());
  return ctx.k.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now.toISOString(), device_id: deviceId })
      .where('tenant_id', '=', tenantId)
      .where('code_hash', '=', hashEnrolmentCode(typed))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning(['name', 'mode'])
      .executeTakeFirst();
    if (!claimed) return null;
    const { token, hash } = makeToken(tenantId);
    const device = {
      tenant_id: tenantId,
      id: deviceId,
      name: claimed.name,
      mode: claimed.mode,
      token_hash: hash,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      revoked_at: null,
    };
    await trx.insertInto('devices').values(device).execute();
    return { deviceToken: token, device };
  });
}
