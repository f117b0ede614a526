import type { Kysely } from 'kysely';
import type { AttachmentRef, Favourite, Notification, Page, PageFeedback, QuickLink, Section } from '../../../common/src/api/entities.js';
import type { Database, KbAttachmentsTable, KbFavouritesTable, KbFeedbackTable, KbPagesTable, KbQuickLinksTable, KbReviewNoticesTable, KbSectionsTable } from '../db/schema.js';

export const sectionFromRow = (r: KbSectionsTable): Section => ({
  id: r.id,
  parentId: r.parent_id,
  title: r.title,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const attachmentFromRow = (r: Pick<KbAttachmentsTable, 'id' | 'name' | 'mime' | 'byte_size'>): AttachmentRef => ({
  id: r.id,
  name: r.name,
  mime: r.mime,
  byteSize: r.byte_size,
});

const pageFromRow = (r: KbPagesTable, attachments: AttachmentRef[]): Page => ({
  id: r.id,
  sectionId: r.section_id,
  title: r.title,
  body: r.body,
  position: r.position,
  ownerId: r.owner_id,
  reviewDate: r.review_date,
  version: r.version,
  attachments,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export const quickLinkFromRow = (r: KbQuickLinksTable): QuickLink => ({
  id: r.id,
  title: r.title,
  pageId: r.page_id,
  url: r.url,
  icon: r.icon,
  position: r.position,
});

export const favouriteFromRow = (r: KbFavouritesTable): Favourite => ({ pageId: r.page_id, personId: r.person_id, createdAt: r.created_at });

export const feedbackFromRow = (r: KbFeedbackTable): PageFeedback => ({
  pageId: r.page_id,
  personId: r.person_id,
  helpful: r.helpful === 1,
  comment: r.comment,
  updatedAt: r.updated_at,
});

/** A review notice as the notification its owner receives: she is both the one told and the actor. */
export const reviewNotification = (r: Pick<KbReviewNoticesTable, 'id' | 'person_id' | 'page_id' | 'created_at'>): Notification => ({
  id: r.id,
  kind: 'review_due',
  actorId: r.person_id,
  postId: null,
  commentId: null,
  pageId: r.page_id,
  createdAt: r.created_at,
});

/** The files on each of these pages, oldest first, without their bytes. */
async function attachmentsOf(k: Kysely<Database>, tenantId: string, pageIds: string[]): Promise<Map<string, AttachmentRef[]>> {
  const out = new Map<string, AttachmentRef[]>(pageIds.map((id) => [id, []]));
  for (let i = 0; i < pageIds.length; i += 400) {
    const rows = await k
      .selectFrom('kb_attachments')
      .select(['id', 'page_id', 'name', 'mime', 'byte_size'])
      .where('tenant_id', '=', tenantId)
      .where('page_id', 'in', pageIds.slice(i, i + 400))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const r of rows) out.get(r.page_id)?.push(attachmentFromRow(r));
  }
  return out;
}

/** Pages with their files, as the API and the change feed carry them. */
export async function pagesFromRows(k: Kysely<Database>, tenantId: string, rows: KbPagesTable[]): Promise<Page[]> {
  const files = await attachmentsOf(k, tenantId, rows.map((r) => r.id));
  return rows.map((r) => pageFromRow(r, files.get(r.id) ?? []));
}
