import { z } from 'zod';
import { AttachmentRefSchema, CalendarDate, FavouriteSchema, PageFeedbackSchema, PageSchema, QuickLinkSchema, SectionSchema } from '../entities.js';
import { Id, Timestamp, UserText } from '../primitives.js';
import { defineRoute } from '../route.js';
import { IdParams, Ok } from './shared.js';

/** The knowledge base ("Weten en regelen"): everyone reads, editors write. */

export const PAGE_TITLE_MAX = 200;
export const PAGE_BODY_MAX = 100_000;
export const SECTION_TITLE_MAX = 120;
export const FEEDBACK_COMMENT_MAX = 1_000;
/** PDF, Word and Excel files up to 10 MB. */
export const ATTACHMENT_BYTES_MAX = 10 * 1024 * 1024;
export const ATTACHMENT_NAME_MAX = 200;

// Every check says in Dutch what to do; a field of the wrong type says so too.
const Text = (max: number, tooLong: string) =>
  z
    .string({ error: 'Dit moet tekst zijn.' })
    .max(max, tooLong)
    .pipe(UserText(max));
const Title = (max: number, empty: string) =>
  Text(max, `Een titel heeft hoogstens ${max} tekens.`)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, empty));
/** A body with exactly these fields. */
const Body = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Onbekend veld: ${issue.keys.join(', ')}.` : 'Stuur de gegevens als JSON-object.'),
  });
const Ref = (what: string) => z.uuid({ error: `Kies een bestaande ${what}.` });
const PageTitle = Title(PAGE_TITLE_MAX, 'Geef de pagina een titel.');
const SectionTitle = Title(SECTION_TITLE_MAX, 'Geef de sectie een naam.');
const PageBody = Text(PAGE_BODY_MAX, 'De tekst is te lang (hoogstens 100 000 tekens).');
const Position = z.number({ error: 'Kies een plaats in de lijst.' }).int('Kies een plaats in de lijst.').min(0, 'Kies een plaats in de lijst.');
const ReviewDate = z.iso.date({ error: 'Kies een geldige datum (JJJJ-MM-DD).' }).nullable();

/** The page as a reader gets it: with whether it is one of her favourites and what she answered. */
export const PageViewSchema = PageSchema.extend({
  favourite: z.boolean(),
  myFeedback: z.object({ helpful: z.boolean(), comment: z.string().nullable() }).nullable(),
});
export type PageView = z.infer<typeof PageViewSchema>;

/** A page in the tree: everything but its text. */
export const PageSummarySchema = PageSchema.omit({ body: true });
export type PageSummary = z.infer<typeof PageSummarySchema>;

export const PageVersionSchema = z.object({ version: z.number().int(), title: z.string(), savedBy: Id.nullable(), savedAt: Timestamp });
export const DiffLineSchema = z.object({ op: z.enum(['add', 'remove', 'keep']), text: z.string() });
export type DiffLine = z.infer<typeof DiffLineSchema>;

const VersionParams = z.strictObject({ id: Id, version: z.coerce.number().int().min(1) });
const VersionNumber = z.coerce.number({ error: 'Kies een versie.' }).int('Kies een versie.').min(1, 'Kies een versie.');

const QuickLinkTarget = {
  pageId: Ref('pagina').nullable().optional(),
  url: z
    .string({ error: 'Dit moet een link zijn.' })
    .max(2_000, 'Deze link is te lang.')
    .regex(/^https:\/\/[^\s<>"'`]+$/, 'Een link begint met https:// en heeft geen spaties.')
    .nullable()
    .optional(),
};
const IconName = z.string({ error: 'Kies een pictogram uit de lijst.' }).regex(/^[a-z0-9-]{1,40}$/, 'Kies een pictogram uit de lijst.');

export const kbRoutes = {
  getKbTree: defineRoute({
    method: 'GET',
    path: '/v1/kb/tree',
    summary: 'The knowledge base as a tree: every section and every page (without its text), in order',
    auth: 'sessionOrDevice',
    response: z.object({ sections: z.array(SectionSchema), pages: z.array(PageSummarySchema) }),
  }),
  createSection: defineRoute({
    method: 'POST',
    path: '/v1/kb/sections',
    summary: 'Create a section, at the top or inside another (editors)',
    auth: 'session',
    body: Body({ title: SectionTitle, parentId: Ref('sectie').nullable().optional(), position: Position.optional() }),
    response: SectionSchema,
    status: 201,
  }),
  updateSection: defineRoute({
    method: 'PATCH',
    path: '/v1/kb/sections/:id',
    summary: 'Rename, move or reorder a section (editors)',
    auth: 'session',
    params: IdParams,
    body: Body({ title: SectionTitle.optional(), parentId: Ref('sectie').nullable().optional(), position: Position.optional() }),
    response: SectionSchema,
  }),
  deleteSection: defineRoute({
    method: 'DELETE',
    path: '/v1/kb/sections/:id',
    summary: 'Delete an empty section (editors)',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  createPage: defineRoute({
    method: 'POST',
    path: '/v1/kb/pages',
    summary: 'Create a page (editors); the owner defaults to its maker and the review date to a year on',
    auth: 'session',
    body: Body({
      title: PageTitle,
      body: PageBody,
      sectionId: Ref('sectie').nullable().optional(),
      position: Position.optional(),
      ownerId: Ref('collega').nullable().optional(),
      reviewDate: ReviewDate.optional(),
    }),
    response: PageViewSchema,
    status: 201,
  }),
  getPage: defineRoute({
    method: 'GET',
    path: '/v1/kb/pages/:id',
    summary: 'One page with its text',
    auth: 'sessionOrDevice',
    params: IdParams,
    response: PageViewSchema,
  }),
  updatePage: defineRoute({
    method: 'PATCH',
    path: '/v1/kb/pages/:id',
    summary:
      'Edit, move or reorder a page (editors). A new title or text is a new version; `baseVersion`, when sent, must be the current one',
    auth: 'session',
    params: IdParams,
    body: Body({
      title: PageTitle.optional(),
      body: PageBody.optional(),
      sectionId: Ref('sectie').nullable().optional(),
      position: Position.optional(),
      ownerId: Ref('collega').nullable().optional(),
      reviewDate: ReviewDate.optional(),
      baseVersion: z.number({ error: 'Kies een versie.' }).int('Kies een versie.').min(1, 'Kies een versie.').optional(),
    }),
    response: PageViewSchema,
  }),
  deletePage: defineRoute({
    method: 'DELETE',
    path: '/v1/kb/pages/:id',
    summary: 'Delete a page with its versions, files, favourites and feedback (editors)',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  listPageVersions: defineRoute({
    method: 'GET',
    path: '/v1/kb/pages/:id/versions',
    summary: 'Every saved version of a page, newest first, with who saved it and when (editors)',
    auth: 'session',
    params: IdParams,
    response: z.object({ items: z.array(PageVersionSchema) }),
  }),
  getPageVersion: defineRoute({
    method: 'GET',
    path: '/v1/kb/pages/:id/versions/:version',
    summary: 'One saved version of a page, with its text (editors)',
    auth: 'session',
    params: VersionParams,
    response: PageVersionSchema.extend({ body: z.string() }),
  }),
  diffPageVersions: defineRoute({
    method: 'GET',
    path: '/v1/kb/pages/:id/diff',
    summary: 'Line by line what changed in the text from one version to another (default: to the current one), and the title of each (editors)',
    auth: 'session',
    params: IdParams,
    query: z.strictObject({ from: VersionNumber, to: VersionNumber.optional() }),
    response: z.object({ from: z.number().int(), to: z.number().int(), title: z.object({ from: z.string(), to: z.string() }), lines: z.array(DiffLineSchema) }),
  }),
  restorePageVersion: defineRoute({
    method: 'POST',
    path: '/v1/kb/pages/:id/versions/:version/restore',
    summary: 'Make an earlier version current again, as a new version (editors); restoring what is current changes nothing',
    auth: 'session',
    params: VersionParams,
    response: PageViewSchema,
  }),
  uploadAttachment: defineRoute({
    method: 'POST',
    path: '/v1/kb/pages/:id/attachments',
    summary: 'Attach a PDF, Word or Excel file to a page (raw body, at most 10 MB; editors)',
    auth: 'session',
    bodyKind: 'binary',
    params: IdParams,
    query: z.strictObject({
      name: Text(ATTACHMENT_NAME_MAX, `Een bestandsnaam heeft hoogstens ${ATTACHMENT_NAME_MAX} tekens.`)
        .transform((s) => s.trim())
        .pipe(z.string().min(1, 'Geef het bestand een naam.').regex(/^[^/\\]+\.[A-Za-z0-9]{2,5}$/, 'Een bestandsnaam zonder mappen, met een extensie (.pdf, .docx, .xlsx).')),
    }),
    response: AttachmentRefSchema,
    status: 201,
  }),
  getAttachment: defineRoute({
    method: 'GET',
    path: '/v1/kb/attachments/:id',
    summary: 'The bytes of a file on a page, as a download',
    auth: 'sessionOrDevice',
    params: IdParams,
    response: z.unknown(),
  }),
  deleteAttachment: defineRoute({
    method: 'DELETE',
    path: '/v1/kb/attachments/:id',
    summary: 'Take a file off its page (editors)',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  listQuickLinks: defineRoute({
    method: 'GET',
    path: '/v1/kb/quick-links',
    summary: '"Snel regelen": the shortcuts, in order',
    auth: 'sessionOrDevice',
    response: z.object({ items: z.array(QuickLinkSchema) }),
  }),
  createQuickLink: defineRoute({
    method: 'POST',
    path: '/v1/kb/quick-links',
    summary: 'Add a shortcut to a page or a web address (editors)',
    auth: 'session',
    body: Body({ ...QuickLinkTarget, title: Title(60, 'Geef de snelkoppeling een naam.'), icon: IconName, position: Position.optional() }),
    response: QuickLinkSchema,
    status: 201,
  }),
  updateQuickLink: defineRoute({
    method: 'PATCH',
    path: '/v1/kb/quick-links/:id',
    summary: 'Change or reorder a shortcut (editors)',
    auth: 'session',
    params: IdParams,
    body: Body({ ...QuickLinkTarget, title: Title(60, 'Geef de snelkoppeling een naam.').optional(), icon: IconName.optional(), position: Position.optional() }),
    response: QuickLinkSchema,
  }),
  deleteQuickLink: defineRoute({
    method: 'DELETE',
    path: '/v1/kb/quick-links/:id',
    summary: 'Remove a shortcut (editors)',
    auth: 'session',
    params: IdParams,
    response: Ok,
  }),
  setPageFeedback: defineRoute({
    method: 'PUT',
    path: '/v1/kb/pages/:id/feedback',
    summary: '"Was dit nuttig?": yes or no, with an optional remark; answering again changes the answer',
    auth: 'session',
    params: IdParams,
    body: Body({
      helpful: z.boolean({ error: 'Kies ja of nee.' }),
      comment: Text(FEEDBACK_COMMENT_MAX, `Een opmerking heeft hoogstens ${FEEDBACK_COMMENT_MAX} tekens.`)
        .transform((s) => s.trim() || null)
        .nullable()
        .optional(),
    }),
    response: PageFeedbackSchema,
  }),
  getPageFeedback: defineRoute({
    method: 'GET',
    path: '/v1/kb/pages/:id/feedback',
    summary: 'How many found a page useful and not, with the remarks, newest first, without names (editors)',
    auth: 'session',
    params: IdParams,
    response: z.object({
      yes: z.number().int(),
      no: z.number().int(),
      remarks: z.array(z.object({ helpful: z.boolean(), comment: z.string(), updatedAt: Timestamp })),
    }),
  }),
  favouritePage: defineRoute({
    method: 'PUT',
    path: '/v1/kb/pages/:id/favourite',
    summary: 'Make a page one of your favourites (repeating it changes nothing)',
    auth: 'session',
    params: IdParams,
    response: z.object({ favourite: z.literal(true) }),
  }),
  unfavouritePage: defineRoute({
    method: 'DELETE',
    path: '/v1/kb/pages/:id/favourite',
    summary: 'Take a page off your favourites (repeating it changes nothing)',
    auth: 'session',
    params: IdParams,
    response: z.object({ favourite: z.literal(false) }),
  }),
  listFavourites: defineRoute({
    method: 'GET',
    path: '/v1/kb/favourites',
    summary: 'Your favourite pages, newest first',
    auth: 'session',
    response: z.object({ items: z.array(FavouriteSchema) }),
  }),
  reviewOverview: defineRoute({
    method: 'GET',
    path: '/v1/kb/review',
    summary: 'Pages past their review date ("verouderd"), longest overdue first (editors)',
    auth: 'session',
    response: z.object({
      today: CalendarDate,
      items: z.array(
        z.object({
          pageId: Id,
          title: z.string(),
          sectionId: Id.nullable(),
          ownerId: Id.nullable(),
          ownerName: z.string().nullable(),
          reviewDate: CalendarDate,
          daysOverdue: z.number().int(),
        }),
      ),
    }),
  }),
} as const;
