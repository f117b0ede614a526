import { sql, type Kysely } from 'kysely';

/**
 * Ambassadors and the first-time tour. An admin or editor marks a person as ambassador, with an
 * optional line of her own ("Vraag mij over: roosters, de app"). The tour is the server's, so it shows
 * once per person whatever device she uses: it is pending while `tour_completed_at` is empty or an
 * ambassador has asked for it again (`tour_requested_at`). Everyone already here when this runs has
 * found her way: only people added afterwards start with the tour pending.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('people').addColumn('ambassador', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('people').addColumn('ambassador_line', 'text').execute();
  await db.schema.alterTable('people').addColumn('tour_completed_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('tour_requested_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('tour_requested_by', 'text').execute();
  await sql`UPDATE people SET tour_completed_at = updated_at`.execute(db);
}
