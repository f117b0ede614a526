import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;

  await s
    .createTable('organisations')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intranet_name', 'text', (c) => c.notNull())
    .addColumn('primary_color', 'text', (c) => c.notNull())
    .addColumn('accent_color', 'text', (c) => c.notNull())
    .addColumn('logo_image_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('tenant_seq')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('locations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('locations_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('departments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text')
    .addPrimaryKeyConstraint('departments_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('people')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('employee_number', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('avatar_image_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('pin_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('people_employee_number_uq', ['tenant_id', 'employee_number'])
    .addUniqueConstraint('people_handle_uq', ['tenant_id', 'handle'])
    .execute();
  await s.createIndex('people_name_idx').on('people').columns(['tenant_id', 'name', 'id']).execute();

  await s
    .createTable('badges')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('badge_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('badges_pk', ['tenant_id', 'badge_id'])
    .execute();

  await s
    .createTable('groups')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('groups_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('group_members')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['tenant_id', 'group_id', 'person_id'])
    .execute();
  await s.createIndex('group_members_person_idx').on('group_members').columns(['tenant_id', 'person_id']).execute();

  await s
    .createTable('posts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('hashtags', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('like_count', 'integer', (c) => c.notNull())
    .addColumn('comment_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addPrimaryKeyConstraint('posts_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('posts_timeline_idx').on('posts').columns(['tenant_id', 'created_at', 'id']).execute();
  await s.createIndex('posts_group_idx').on('posts').columns(['tenant_id', 'group_id', 'created_at']).execute();
  await s.createIndex('posts_author_idx').on('posts').columns(['tenant_id', 'author_id', 'created_at']).execute();

  await s
    .createTable('post_hashtags')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_hashtags_pk', ['tenant_id', 'tag', 'post_id'])
    .execute();
  await s.createIndex('post_hashtags_tag_time_idx').on('post_hashtags').columns(['tenant_id', 'tag', 'created_at']).execute();

  await s
    .createTable('comments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addPrimaryKeyConstraint('comments_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('comments_post_idx').on('comments').columns(['tenant_id', 'post_id', 'created_at']).execute();

  await s
    .createTable('likes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('likes_pk', ['tenant_id', 'post_id', 'person_id'])
    .execute();
  await s.createIndex('likes_person_idx').on('likes').columns(['tenant_id', 'person_id']).execute();

  await s
    .createTable('images')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data', ctx.binaryType, (c) => c.notNull())
    .addColumn('thumb', ctx.binaryType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('images_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('notifications')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notifications_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('notifications_person_idx').on('notifications').columns(['tenant_id', 'person_id', 'created_at']).execute();

  await s
    .createTable('changes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('changes_pk', ['tenant_id', 'seq'])
    .execute();
  await s.createIndex('changes_scope_idx').on('changes').columns(['tenant_id', 'scope', 'seq']).execute();

  await s
    .createTable('sessions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'token_hash'])
    .execute();
  await s.createIndex('sessions_person_idx').on('sessions').columns(['tenant_id', 'person_id']).execute();

  await s
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant_id', 'principal', 'key'])
    .execute();
  await s.createIndex('idempotency_keys_age_idx').on('idempotency_keys').columns(['tenant_id', 'created_at']).execute();

  await s
    .createTable('auth_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('auth_events_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('auth_events_person_idx').on('auth_events').columns(['tenant_id', 'person_id', 'at']).execute();

  await s
    .createTable('rate_limits')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['tenant_id', 'bucket', 'window_start'])
    .execute();
}
