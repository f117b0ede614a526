import { sql, type Kysely } from 'kysely';

/**
 * The organisation's fixed categories (#tip, #leermoment, …) with their colours, as a JSON list on the
 * organisation: they travel with the `organisation` entity every client already caches, so no sync
 * protocol change is needed and an older client simply keeps the field it does not know.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}
