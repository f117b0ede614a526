import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Moderation. A report is one row per person and item (the key makes a second report of the same
 * person nothing, however many arrive at once); the queue is one row per item with its tally and the
 * decision. A hidden post or comment keeps its row with `hidden_at` and the reason, so its author still
 * sees it and a moderator can restore it; every read for anyone else leaves it out. A notification
 * may carry a reason (the author's `moderation_hidden`).
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  const compact = ctx.binaryType === 'blob' ? sql`without rowid` : sql``;
  await s
    .createTable('moderation_reports')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('moderation_reports_pk', ['tenant_id', 'item_kind', 'item_id', 'reporter_id'])
    .modifyEnd(compact)
    .execute();
  await s
    .createTable('moderation_items')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reporters', 'integer', (c) => c.notNull())
    .addColumn('last_reported_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('moderation_items_pk', ['tenant_id', 'item_kind', 'item_id'])
    .modifyEnd(compact)
    .execute();
  await s.createIndex('moderation_items_queue_idx').on('moderation_items').columns(['tenant_id', 'status', 'last_reported_at']).execute();
  for (const table of ['posts', 'comments']) {
    await s.alterTable(table).addColumn('hidden_at', 'text').execute();
    await s.alterTable(table).addColumn('hidden_reason', 'text').execute();
    await s.alterTable(table).addColumn('hidden_by', 'text').execute();
  }
  await s.alterTable('notifications').addColumn('reason', 'text').execute();
}
