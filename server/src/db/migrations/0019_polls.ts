import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Polls: a poll is a post (its question is the post's text, so the timeline, search, pinning and group
 * rules apply unchanged) with its settings in `polls`, its options with their counts in
 * `poll_options`, and who voted in `poll_voters`. In an anonymous poll `choice` stays null: no row
 * links a person to what she chose, only to having voted.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  await s.alterTable('posts').addColumn('poll', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('polls')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('multiple', 'integer', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('changeable', 'integer', (c) => c.notNull())
    .addColumn('show_results', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    // Set by the write that announces a closed poll, so its results reach caches exactly once.
    .addColumn('close_announced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('polls_pk', ['tenant_id', 'post_id'])
    .modifyEnd(compact)
    .execute();
  await s.createIndex('polls_closing_idx').on('polls').columns(['tenant_id', 'close_announced', 'closes_at']).execute();
  await s
    .createTable('poll_options')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('poll_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('poll_options_pk', ['tenant_id', 'poll_id', 'id'])
    .modifyEnd(compact)
    .execute();
  await s
    .createTable('poll_voters')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('poll_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text')
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poll_voters_pk', ['tenant_id', 'poll_id', 'person_id'])
    .modifyEnd(compact)
    .execute();
}
