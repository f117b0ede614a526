import type { SearchResult } from '../../../common/src/api/routes/search.js';
import { MemoryIndex } from '../../../common/src/search/memoryIndex.js';
import { planQuery } from '../../../common/src/search/query.js';
import type { SearchKind } from '../../../common/src/search/ranking.js';
import { makeSnippet, matchedWords } from '../../../common/src/search/snippet.js';
import { DEFAULT_SYNONYMS, synonymTable, type SynonymEntry, type SynonymTable } from '../../../common/src/search/synonyms.js';
import { CacheResetError, type Cache, type CacheParts } from '../cache/openCache.js';
import { groupIndexable, pageIndexable, personIndexable, postIndexable, snippetSource, type Indexable } from './searchDocuments.js';

/** What one applied page of the shared feed changed, as far as search cares. */
export interface IndexChanges {
  postIds: ReadonlySet<string>;
  pageIds: ReadonlySet<string>;
  directoryChanged: boolean;
}

/** How many results of each kind the search box shows, in the order it shows them. */
export const RESULTS_PER_KIND: Readonly<Record<SearchKind, number>> = { page: 6, post: 5, group: 3, person: 4 };
export const KIND_ORDER: readonly SearchKind[] = ['page', 'post', 'group', 'person'];

/**
 * The offline search over the cache: the shared MemoryIndex, built on the first search (not at
 * start, so a device that never searches pays nothing) and kept current from each applied sync page.
 * It only ever holds organisation-wide content; what a person may see besides comes from the server.
 */
export function createClientIndex(cache: Cache) {
  let index: MemoryIndex | null = null;
  // The list the server last told, kept in the cache so a restart without a server still uses it.
  let synonyms: SynonymTable | null = null;
  const currentSynonyms = (): SynonymTable => (synonyms ??= synonymTable(cache.read((c) => c.synonyms.get()) ?? DEFAULT_SYNONYMS));
  // Groups and people change together with the directory; which of them are indexed, to drop the gone.
  let directoryIds = new Map<string, SearchKind>();

  const put = (target: MemoryIndex, { doc, source }: Indexable) => target.put(doc, source);

  const indexDirectory = (target: MemoryIndex, c: CacheParts) => {
    for (const [id, kind] of directoryIds) target.remove(kind, id);
    directoryIds = new Map();
    for (const g of c.search.groups()) {
      put(target, groupIndexable(g));
      directoryIds.set(g.id, 'group');
    }
    for (const p of c.search.people()) {
      put(target, personIndexable(p));
      directoryIds.set(p.person.id, 'person');
    }
  };

  const build = (): MemoryIndex =>
    cache.read((c) => {
      const fresh = new MemoryIndex();
      for (const p of c.kb.pages()) put(fresh, pageIndexable(p));
      for (const p of c.search.posts()) put(fresh, postIndexable(p));
      directoryIds = new Map();
      indexDirectory(fresh, c);
      return fresh;
    });

  const ready = (): MemoryIndex => (index ??= build());

  /** The source text of a result, read again from the cache for its snippet. */
  const sourceOf = (c: CacheParts, kind: SearchKind, id: string) => {
    switch (kind) {
      case 'page': {
        const p = c.kb.page(id);
        return p ? pageIndexable(p).source : null;
      }
      case 'post': {
        const p = c.posts.get(id);
        return p ? postIndexable(p).source : null;
      }
      case 'group': {
        const g = c.directory.group(id);
        return g ? groupIndexable(g).source : null;
      }
      case 'person': {
        const p = c.search.person(id);
        return p ? personIndexable(p).source : null;
      }
    }
  };

  return {
    /** Builds the index now if it is not built (the benchmark measures this). */
    warm: (): number => ready().size,
    /** Best first within each kind, the kinds in the order the search box shows them. */
    search(query: string): SearchResult[] {
      const target = ready();
      const plan = planQuery(query, target.vocabulary, currentSynonyms());
      if (plan.terms.length === 0) return [];
      const best = target.searchEachKind(plan, RESULTS_PER_KIND);
      const ranked = KIND_ORDER.flatMap((kind) => best[kind]);
      return cache.read((c) =>
        ranked.map(({ doc }): SearchResult => {
          const source = sourceOf(c, doc.kind, doc.id);
          const { text, highlights } = makeSnippet(source ? snippetSource(source) : '', plan.matches);
          return { kind: doc.kind, id: doc.id, title: doc.title, titleHighlights: matchedWords(doc.title, plan.matches), snippet: text, highlights };
        }),
      );
    },
    /** Follows one applied page of the shared feed; nothing to do before the first search. */
    changed(changes: IndexChanges): void {
      const target = index;
      if (!target) return;
      cache.read((c) => {
        for (const id of changes.pageIds) {
          const p = c.kb.page(id);
          if (p) put(target, pageIndexable(p));
          else target.remove('page', id);
        }
        for (const id of changes.postIds) {
          const p = c.posts.get(id);
          if (p) put(target, postIndexable(p));
          else target.remove('post', id);
        }
        if (changes.directoryChanged) indexDirectory(target, c);
      });
    },
    /** The organisation's synonym list, when the server has told it: used from now on, also after a restart. */
    setSynonyms(entries: readonly SynonymEntry[]): void {
      synonyms = synonymTable(entries);
      try {
        cache.write((c) => c.synonyms.set(entries));
      } catch (err) {
        // A damaged cache was emptied: the list holds for this run and is written when the server tells it again.
        if (!(err instanceof CacheResetError)) throw err;
      }
    },
    /** The cache was emptied (reset, wiped, another organisation): built again at the next search. */
    invalidate(): void {
      index = null;
      synonyms = null;
    },
  };
}

export type ClientIndex = ReturnType<typeof createClientIndex>;
