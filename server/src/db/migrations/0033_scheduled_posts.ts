import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Scheduled posts wait in a table of their own, not in `posts`: until its time a post is in no
 * timeline, sync, search or notification, and keeping it out of `posts` makes that hold for every
 * query that exists or will be written. The job that publishes it moves it over in one write.
 * `posts.ends_at` is an editor's end date, after which a post leaves the timeline.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('scheduled_posts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('publish_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('scheduled_posts_pk', ['tenant_id', 'id'])
    .modifyEnd(compact)
    .execute();
  // The publishing job looks across organisations for what is due.
  await s.createIndex('scheduled_posts_due_idx').on('scheduled_posts').columns(['publish_at']).execute();
  await s.createIndex('scheduled_posts_author_idx').on('scheduled_posts').columns(['tenant_id', 'author_id']).execute();
  await s.alterTable('posts').addColumn('ends_at', 'text').execute();
}
