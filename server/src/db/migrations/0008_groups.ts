import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Groups in the client: covers, archiving and groups the system keeps from the people directory
 * (`managed_by` department or location, `managed_id` the one it follows); each member's own choices
 * ("toon in mijn tijdlijn", mute) and last visit; requests to join closed groups; notices to group
 * admins and to people added; and the time people spend in groups (no content), for statistics.
 */
export async function up(db: Kysely<unknown>, _ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  await s.alterTable('groups').addColumn('cover_image_id', 'text').execute();
  await s.alterTable('groups').addColumn('archived_at', 'text').execute();
  await s.alterTable('groups').addColumn('managed_by', 'text').execute();
  await s.alterTable('groups').addColumn('managed_id', 'text').execute();
  await s.createIndex('groups_managed_idx').on('groups').columns(['tenant_id', 'managed_by', 'managed_id']).execute();

  await s.alterTable('group_members').addColumn('show_in_timeline', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('group_members').addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('group_members').addColumn('last_visit_at', 'text').execute();

  await s
    .createTable('group_join_requests')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addPrimaryKeyConstraint('group_join_requests_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('group_join_requests_group_idx').on('group_join_requests').columns(['tenant_id', 'group_id', 'status', 'created_at']).execute();
  await s.createIndex('group_join_requests_person_idx').on('group_join_requests').columns(['tenant_id', 'person_id', 'group_id']).execute();

  await s
    .createTable('group_notices')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_notices_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('group_visits')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_visits_pk', ['tenant_id', 'group_id', 'person_id', 'entered_at'])
    .execute();
}
