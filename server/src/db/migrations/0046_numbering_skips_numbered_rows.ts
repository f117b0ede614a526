import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The numbering (migration 0030) finds a tenant's provisional change rows through a partial index
 * whose entries all carry the same key, and it moves each row out of that index by giving it its
 * seq. The entry left behind is dead, and a bitmap scan (the planner's choice) visits every dead
 * entry on every call without ever marking it: between two vacuums a busy organisation's numbering
 * read ever more of them, 94 000 entries to find 46 rows after a minute of likes (16 ms of every
 * call, and every write waits for a call). A plain index scan marks each dead entry the first time
 * it meets it, so later calls skip it: the same look then takes 0.2 ms.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  if (ctx.binaryType === 'blob') return;
  await sql`alter function samen_number_pending(text) set enable_bitmapscan = off`.execute(db);
  // Nor may the planner read the whole feed: with statistics taken while many rows were pending it
  // can guess a sequential scan cheaper, and the feed only grows.
  await sql`alter function samen_number_pending(text) set enable_seqscan = off`.execute(db);
}
