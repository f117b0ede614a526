import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * View counts: who saw a post, once per person (the key makes a repeat a no-op), only ever counted and
 * never shown; the count kept on the post, raised in the transaction that adds a viewer, so reading a
 * count never scans the viewers; and the posts whose count changed since it was last published through
 * the change feed.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  await s.alterTable('posts').addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('post_views')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('viewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_views_pk', ['tenant_id', 'post_id', 'person_id'])
    .modifyEnd(compact)
    .execute();
  await s
    .createTable('post_view_pending')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_view_pending_pk', ['tenant_id', 'post_id'])
    .modifyEnd(compact)
    .execute();
}
