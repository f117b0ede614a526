import type { Kysely } from 'kysely';

/**
 * Reactions beyond the like: each person's one reaction per post keeps its row in `likes`, now with
 * a kind; every existing like becomes kind 'like'. The post keeps `like_count` as the total of all
 * reactions (what clients from before this show as their "Leuk" count) and one counter per other
 * kind, each changed by `+ 1` / `- 1` in the statement that changes a person's row, so counts stay
 * exact however many people react at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('likes').addColumn('kind', 'text', (c) => c.notNull().defaultTo('like')).execute();
  for (const column of ['reactions_hart', 'reactions_applaus', 'reactions_inzichtelijk', 'reactions_bedankt']) {
    await db.schema.alterTable('posts').addColumn(column, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  }
}
