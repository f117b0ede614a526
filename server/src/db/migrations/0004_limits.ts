import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Open event streams, shared by every server node so the limits per person and per device hold
 * across nodes; and an index for the clean-up of uploads that never reached a post.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const s = db.schema;

  await s
    .createTable('event_streams')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_streams_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('event_streams_person_idx').on('event_streams').columns(['tenant_id', 'person_id']).execute();
  await s.createIndex('event_streams_device_idx').on('event_streams').columns(['tenant_id', 'device_id']).execute();
  await s.createIndex('event_streams_seen_idx').on('event_streams').column('seen_at').execute();

  await s
    .createIndex('images_stray_idx')
    .on('images')
    .column('created_at')
    .where(sql.ref('post_id'), 'is', null)
    .execute();
}
