import type { Kysely } from 'kysely';
import type { MigrationContext } from './index.js';

/**
 * The knowledge base ("Weten en regelen"): sections in a tree, pages with every saved version, files
 * on pages, "Snel regelen" shortcuts, "Was dit nuttig?" answers, favourites, and the notices that tell
 * an owner her page is due for review.
 */
export async function up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void> {
  const s = db.schema;

  await s
    .createTable('kb_sections')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_sections_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('kb_sections_parent_idx').on('kb_sections').columns(['tenant_id', 'parent_id', 'position']).execute();

  await s
    .createTable('kb_pages')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('section_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('review_date', 'text')
    // The review date its owner was last told about, so she is told once per date.
    .addColumn('review_noticed_for', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('kb_pages_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('kb_pages_section_idx').on('kb_pages').columns(['tenant_id', 'section_id', 'position']).execute();
  await s.createIndex('kb_pages_review_idx').on('kb_pages').columns(['tenant_id', 'review_date']).execute();

  // Every saved version, the current one included: version n is what the page said after its n-th save.
  await s
    .createTable('kb_page_versions')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_page_versions_pk', ['tenant_id', 'page_id', 'version'])
    .execute();

  await s
    .createTable('kb_attachments')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data', ctx.binaryType, (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_attachments_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('kb_attachments_page_idx').on('kb_attachments').columns(['tenant_id', 'page_id', 'created_at']).execute();

  await s
    .createTable('kb_quick_links')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text')
    .addColumn('url', 'text')
    .addColumn('icon', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_quick_links_pk', ['tenant_id', 'id'])
    .execute();

  await s
    .createTable('kb_feedback')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_feedback_pk', ['tenant_id', 'page_id', 'person_id'])
    .execute();

  await s
    .createTable('kb_favourites')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_favourites_pk', ['tenant_id', 'page_id', 'person_id'])
    .execute();
  await s.createIndex('kb_favourites_person_idx').on('kb_favourites').columns(['tenant_id', 'person_id', 'created_at']).execute();

  // A `review_due` notification: the change feed carries it as a notification of its owner.
  await s
    .createTable('kb_review_notices')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_review_notices_pk', ['tenant_id', 'id'])
    .execute();
  await s.createIndex('kb_review_notices_page_idx').on('kb_review_notices').columns(['tenant_id', 'page_id']).execute();
}
