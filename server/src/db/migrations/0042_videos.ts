import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * Short videos on posts. The bytes live in the database, as photos do, so every node serves every
 * video; they are cut into rows of 256 KB so that a range request (a browser seeking, or fetching
 * the next second) reads only the rows it needs instead of a whole minute of video.
 * A post (and a post held for its time or for a coach) lists its videos as `VideoRef[]` JSON;
 * null on posts without.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;
  await s
    .createTable('videos')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text')
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('poster', ctx.binaryType, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('videos_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('videos_post_idx').on('videos').columns(['tenant_id', 'post_id']).execute();
  await s
    .createTable('video_chunks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('video_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', ctx.binaryType, (c) => c.notNull())
    .addPrimaryKeyConstraint('video_chunks_pk', ['tenant_id', 'video_id', 'position'])
    .execute();
  await s.alterTable('posts').addColumn('videos', 'text').execute();
  await s.alterTable('scheduled_posts').addColumn('videos', 'text').execute();
  await s.alterTable('post_reviews').addColumn('videos', 'text').execute();
}
