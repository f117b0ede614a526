import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Meekijken. A draft that a coach looks at, or a post that waits for approval, lives in a table of its
 * own, not in `posts`, as a scheduled post does: it writes nothing to the change feed, so it is in no
 * timeline, sync, search, notification or kiosk for anyone, by every query that exists or will be
 * written. Approving or posting it moves it into `posts` in one write. A coach's comments and
 * suggested texts are its notes. `post_approval` on an organisation or group makes its posts wait.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('post_reviews')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('images', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_reviews_pk', ['tenant_id', 'id'])
    .modifyEnd(compact)
    .execute();
  await s.createIndex('post_reviews_author_idx').on('post_reviews').columns(['tenant_id', 'author_id']).execute();
  await s.createIndex('post_reviews_status_idx').on('post_reviews').columns(['tenant_id', 'status', 'updated_at']).execute();
  await s
    .createTable('post_review_notes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_review_notes_pk', ['tenant_id', 'review_id', 'id'])
    .modifyEnd(compact)
    .execute();
  await s.alterTable('organisations').addColumn('post_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await s.alterTable('groups').addColumn('post_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
