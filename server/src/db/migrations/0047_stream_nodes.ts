import type { Kysely } from 'kysely';

/**
 * Whether an event stream still counts towards the limits per person and device is known by its
 * node: each node keeps one row per organisation it holds streams for fresh every heartbeat, instead
 * of rewriting the row of every stream it holds. With 10 000 streams on a node that was 10 000 row
 * updates (and four index entries each) every 20 s, in one statement whose burst of work on
 * PostgreSQL's core delayed every announcement under way at that moment by hundreds of milliseconds.
 * `event_streams.seen_at` stays: set when a stream opens, and still refreshed by nodes of the
 * previous version during a rolling deploy, so their streams keep counting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('stream_nodes')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stream_nodes_pk', ['tenant_id', 'node_id'])
    .execute();
  await s.createIndex('stream_nodes_seen_idx').on('stream_nodes').column('seen_at').execute();
  // A node counts its own rows at every heartbeat, to end streams whose row another node removed.
  await s.createIndex('event_streams_node_idx').on('event_streams').columns(['tenant_id', 'node_id']).execute();
}
