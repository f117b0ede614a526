import type { Kysely } from 'kysely';

/**
 * The kiosk registry: where an enrolled kiosk stands (set by an editor) and what its last heartbeat
 * said (when, which app version). A row appears at the first heartbeat or when an editor places it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kiosks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('version', 'text')
    .addPrimaryKeyConstraint('kiosks_pk', ['tenant_id', 'device_id'])
    .execute();
}
