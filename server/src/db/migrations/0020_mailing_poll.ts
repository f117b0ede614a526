import type { Kysely } from 'kysely';

/** A mailing may carry one poll (a post with `poll = 1`): its id, null for mailings without one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('mailings').addColumn('poll_id', 'text').execute();
}
