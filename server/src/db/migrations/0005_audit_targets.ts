import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The audit log names what an action was done to (`target`: `post:<id>`, `group:<id>`, `device:<id>`…)
 * besides who did it and on which device, and can be searched by it.
 *
 * A revocation used to keep the revoked device in `device_id`; that column now says which device the
 * admin worked on, so existing revocations move the device to `target` and leave `device_id` unknown.
 * An enrolment keeps its device in `device_id` (the device enrolled itself) and also names it as target.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  await db.schema.alterTable('auth_events').addColumn('target', 'text').execute();
  await sql`update auth_events set target = 'device:' || device_id, device_id = null where action = 'device_revoked' and device_id is not null`.execute(db);
  await sql`update auth_events set target = 'device:' || device_id where action = 'device_enrolled' and device_id is not null`.execute(db);
  await db.schema.createIndex('auth_events_target_idx').on('auth_events').columns(['tenant_id', 'target', 'at']).execute();
}
