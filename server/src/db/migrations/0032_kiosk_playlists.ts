import type { Kysely } from 'kysely';

/**
 * Kiosk playlists: the organisation's default, one per location and one per kiosk (the most specific
 * applies). `target_id` is the location's or kiosk's id, and '' for the organisation's, so the key
 * has no null in it. The entries (editor slides among them) are one JSON list: a playlist is saved
 * and read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kiosk_playlists')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('kiosk_playlists_pk', ['tenant_id', 'scope', 'target_id'])
    .execute();
}
