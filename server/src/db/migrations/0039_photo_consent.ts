import type { Kysely } from 'kysely';

/**
 * Photo privacy: when a post carries photos, its author confirms that recognisable clients or
 * residents on them gave permission. When she confirmed is stored with the post (and with a post
 * waiting for its time, which carries it over when it is published); null on posts without photos
 * and on posts made before the question was asked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('posts').addColumn('photo_consent_at', 'text').execute();
  await db.schema.alterTable('scheduled_posts').addColumn('photo_consent_at', 'text').execute();
}
