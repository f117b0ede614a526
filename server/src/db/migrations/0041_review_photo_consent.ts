import type { Kysely } from 'kysely';

/**
 * A draft with photos that goes to a coach keeps its author's photo consent, as a scheduled post
 * does (0039), so the post published after the coach's look carries it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post_reviews').addColumn('photo_consent_at', 'text').execute();
}
