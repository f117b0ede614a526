import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * "Lezen verplicht": a post's audience (places and groups, never a list of people, so it is judged
 * against the people data of the moment) and a counter of confirmations on the post itself, so the
 * post carries its progress through the change feed; each person's answer (confirmed, or put off at
 * tap-in) in its own table.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  await s.alterTable('posts').addColumn('read_requirement', 'text').execute();
  await s.alterTable('posts').addColumn('read_confirmed_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('read_receipts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('later_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('read_receipts_pk', ['tenant_id', 'post_id', 'person_id'])
    .modifyEnd(compact)
    .execute();
  // Finding the "lezen verplicht" posts without reading every post.
  await s.createIndex('posts_read_required_idx').on('posts').columns(['tenant_id', 'read_confirmed_count']).where(sql.ref('read_requirement'), 'is not', null).execute();
}
