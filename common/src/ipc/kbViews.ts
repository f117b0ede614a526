import { z } from 'zod';
import { CalendarDate, QuickLinkSchema, SectionSchema } from '../api/entities.js';
import { Id } from '../api/primitives.js';
import { DiffLineSchema, PageSummarySchema, PageViewSchema, PageVersionSchema } from '../api/routes/kb.js';
import { SearchResultSchema } from '../api/routes/search.js';

/** What the renderer shows of the knowledge base and of search: shaped by main from cache, memory and server. */

/** The "Weten en regelen" home: the tree, the quick links and which pages are her favourites. */
export const KbHomeSchema = z.object({
  sections: z.array(SectionSchema),
  pages: z.array(PageSummarySchema),
  quickLinks: z.array(QuickLinkSchema),
  /** Her favourite pages, newest first; empty when nobody is logged in. */
  favouriteIds: z.array(Id),
});
export type KbHome = z.infer<typeof KbHomeSchema>;

export const CrumbSchema = z.object({ id: Id, title: z.string() });

/** One page to read: with where it sits, who keeps it, and her own favourite and answer. */
export const KbPageViewSchema = PageViewSchema.extend({
  /** The sections above the page, outermost first. */
  breadcrumbs: z.array(CrumbSchema),
  ownerName: z.string().nullable(),
  /** Titles of the pages its `page:` links point at that this device knows; others show as plain text. */
  linkedTitles: z.record(z.string(), z.string()),
  /** Her answer or favourite is still waiting to be sent. */
  pending: z.boolean(),
});
export type KbPageView = z.infer<typeof KbPageViewSchema>;

export const KbVersionsSchema = z.object({ items: z.array(PageVersionSchema.extend({ savedByName: z.string().nullable() })) });
export const KbDiffSchema = z.object({ from: z.number().int(), to: z.number().int(), title: z.object({ from: z.string(), to: z.string() }), lines: z.array(DiffLineSchema) });
export type KbDiff = z.infer<typeof KbDiffSchema>;

export const KbReviewSchema = z.object({
  today: CalendarDate,
  items: z.array(z.object({ pageId: Id, title: z.string(), ownerName: z.string().nullable(), reviewDate: CalendarDate, daysOverdue: z.number().int() })),
});
export type KbReview = z.infer<typeof KbReviewSchema>;

export const KbAttachmentFileSchema = z.object({ name: z.string(), mime: z.string(), base64: z.string() });

/** Results of one search, in the order the box shows them (pages, posts, groups, people; best first in each). */
export const SearchAnswerSchema = z.object({ results: z.array(SearchResultSchema) });
