import { sql, type Kysely } from 'kysely';

/**
 * Events a write counts are stored unfolded (`folded = 0`) and added to the rollups afterwards by a
 * fold job, so a like costs one insert for the statistics instead of seven. Events stored before
 * this migration were counted when they were stored, hence the default of 1. The partial index holds
 * only the queue, so finding it stays cheap however many folded events the table keeps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stats_events').addColumn('folded', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // All of an event's subjects (post and group) as JSON: `subject_id` keeps only the first.
  await db.schema.alterTable('stats_events').addColumn('subjects', 'text').execute();
  await db.schema.createIndex('stats_events_unfolded_idx').on('stats_events').columns(['at']).where(sql.ref('folded'), '=', 0).execute();
}
