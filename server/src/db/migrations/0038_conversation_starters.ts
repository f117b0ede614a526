import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Conversation starters: per organisation a list of questions, a rhythm and where they are asked.
 * `next_at` is the slot the next question is due; the posting job claims a slot by moving it on
 * with a conditional update in the same write that inserts the post, so two nodes (or a restart
 * in between) ask each question once. Posts made this way are marked `conversation_starter`.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('conversation_starters')
    .addColumn('tenant_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('rhythm', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('last_question_id', 'text')
    .addColumn('next_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(compact)
    .execute();
  // The posting job looks across organisations for what is due.
  await s.createIndex('conversation_starters_due_idx').on('conversation_starters').columns(['next_at']).execute();
  await s
    .alterTable('posts')
    .addColumn('conversation_starter', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
