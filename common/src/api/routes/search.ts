import { z } from 'zod';
import { CalendarDate } from '../entities.js';
import { Id } from '../primitives.js';
import { defineRoute } from '../route.js';
import { Ok } from './shared.js';

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_KIND = z.enum(['page', 'post', 'group', 'person']);

/** A stretch of a title or snippet that matched, end exclusive: the renderer marks it as text, never as HTML. */
export const HighlightSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchResultSchema = z.object({
  kind: SEARCH_KIND,
  id: Id,
  title: z.string(),
  /** Where in `title` the matched words stand; a server from before it existed sends none. */
  titleHighlights: z.array(HighlightSchema).default([]),
  /** Plain text around the match. */
  snippet: z.string(),
  /** Where in `snippet` the matched words stand. */
  highlights: z.array(HighlightSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

const Word = z
  .string({ error: 'Een synoniem is één woord.' })
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}'’-]{0,39}$/u, 'Een synoniem is één woord, zonder spaties (hoogstens 40 tekens).');
export const SynonymEntrySchema = z.object({
  term: Word,
  synonyms: z.array(Word, { error: 'Geef een lijst van woorden.' }).min(1, 'Geef minstens één synoniem.').max(10, 'Hoogstens 10 synoniemen per woord.'),
});
const SynonymsSchema = z.object({
  items: z.array(SynonymEntrySchema),
  /** False while the organisation uses the default list. */
  custom: z.boolean(),
});

const Count = z.object({ term: z.string(), searches: z.number().int() });

export const searchRoutes = {
  search: defineRoute({
    method: 'GET',
    path: '/v1/search',
    summary:
      'Search pages, posts, groups and people the caller may see, best first. Send one `searchId` (made by the client) with every keystroke of one search: it is recorded once, with its last words',
    auth: 'sessionOrDevice',
    query: z.strictObject({
      q: z
        .string({ error: 'Typ waar je naar zoekt.' })
        .max(SEARCH_QUERY_MAX, `Zoek met hoogstens ${SEARCH_QUERY_MAX} tekens.`)
        .refine((q) => q.trim() !== '', 'Typ waar je naar zoekt.'),
      limit: z.coerce.number({ error: 'Vraag 1 tot 50 resultaten.' }).int().min(1, 'Vraag 1 tot 50 resultaten.').max(50, 'Vraag 1 tot 50 resultaten.').default(10),
      searchId: z.uuid({ error: 'Ongeldige zoekopdracht.' }).optional(),
    }),
    response: z.object({ results: z.array(SearchResultSchema), searchId: Id }),
  }),
  recordSearchClick: defineRoute({
    method: 'POST',
    path: '/v1/search/clicks',
    summary: 'Record that a result of a search was opened (for the statistics; who opened it is not kept)',
    auth: 'sessionOrDevice',
    body: z.strictObject({
      searchId: z.uuid({ error: 'Ongeldige zoekopdracht.' }),
      kind: SEARCH_KIND,
      id: z.uuid({ error: 'Ongeldig resultaat.' }),
      position: z.number({ error: 'Geef de plaats van het resultaat.' }).int().min(0).max(99),
    }),
    response: Ok,
    status: 201,
  }),
  searchStats: defineRoute({
    method: 'GET',
    path: '/v1/search/stats',
    summary: 'What people searched for from `from` to `to` (calendar days, Amsterdam time; default the last 30 days) (editors)',
    auth: 'session',
    query: z.strictObject({
      from: z.iso.date({ error: 'Kies een geldige begindatum (JJJJ-MM-DD).' }).optional(),
      to: z.iso.date({ error: 'Kies een geldige einddatum (JJJJ-MM-DD).' }).optional(),
    }),
    response: z.object({
      from: CalendarDate,
      to: CalendarDate,
      searches: z.number().int(),
      uniqueSearches: z.number().int(),
      days: z.array(z.object({ day: CalendarDate, searches: z.number().int(), uniqueSearches: z.number().int() })),
      topTerms: z.array(Count),
      noResults: z.array(Count),
      noClicks: z.array(Count),
      openedPages: z.array(z.object({ pageId: Id, title: z.string().nullable(), opens: z.number().int() })),
    }),
  }),
  getSynonyms: defineRoute({
    method: 'GET',
    path: '/v1/search/synonyms',
    summary: "The organisation's synonyms: searching a term also finds its synonyms",
    auth: 'sessionOrDevice',
    response: SynonymsSchema,
  }),
  setSynonyms: defineRoute({
    method: 'PUT',
    path: '/v1/search/synonyms',
    summary: 'Replace the synonym list (editors); an empty list means no synonyms, `reset` goes back to the default list',
    auth: 'session',
    body: z.strictObject({
      items: z.array(SynonymEntrySchema).max(500, 'Hoogstens 500 woorden met synoniemen.').optional(),
      reset: z.literal(true).optional(),
    }),
    response: SynonymsSchema,
  }),
} as const;
