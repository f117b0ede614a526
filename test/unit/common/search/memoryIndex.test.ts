import { describe, expect, it } from 'vitest';
import { groupDocument, pageDocument, personDocument, postDocument } from '../../../../common/src/search/documents.js';
import { MemoryIndex } from '../../../../common/src/search/memoryIndex.js';
import { planQuery } from '../../../../common/src/search/query.js';
import { DEFAULT_SYNONYMS, synonymTable } from '../../../../common/src/search/synonyms.js';

function index() {
  const idx = new MemoryIndex();
  const at = '2025-03-01T00:00:00.000Z';
  idx.put({ kind: 'post', id: 'post-1', title: '', at: '2025-03-05T00:00:00.000Z', groupId: null }, postDocument({ body: 'Wie weet wanneer het salaris komt?' }));
  idx.put({ kind: 'page', id: 'page-salaris', title: 'Salaris en betaaldata', at, groupId: null }, pageDocument({ title: 'Salaris en betaaldata', body: 'Het salaris komt op de 23e.' }));
  idx.put({ kind: 'page', id: 'page-pensioen', title: 'Pensioen', at, groupId: null }, pageDocument({ title: 'Pensioen', body: '## Salaris en pensioen\nJe pensioen hangt af van je salaris.' }));
  idx.put({ kind: 'group', id: 'group-1', title: 'Salarisadministratie', at, groupId: 'group-1' }, groupDocument({ name: 'Salarisadministratie', description: 'Vragen over je salaris' }));
  idx.put({ kind: 'person', id: 'person-1', title: 'Sam Salaris', at, groupId: null }, personDocument({ name: 'Sam Salaris', jobTitle: 'Salarisadministrateur' }, { department: 'HR', location: null }));
  return idx;
}
const search = (idx: MemoryIndex, q: string, visible?: (d: { groupId: string | null }) => boolean) =>
  idx.search(planQuery(q, idx.vocabulary, synonymTable(DEFAULT_SYNONYMS)), 10, visible).map((r) => r.doc.id);

describe('in-memory search index', () => {
  it('puts a page titled with the term above a page with it in a heading, a person and a post', () => {
    expect(search(index(), 'salaris ')).toEqual(['page-salaris', 'page-pensioen', 'person-1', 'group-1', 'post-1']);
  });

  it('leaves out what the caller may not see', () => {
    expect(search(index(), 'salaris ', (d) => d.groupId === null)).not.toContain('group-1');
  });

  it('forgets a removed document and its terms', () => {
    const idx = index();
    idx.remove('page', 'page-pensioen');
    expect(search(idx, 'pensioen ')).toEqual([]);
    expect(idx.vocabulary.df('pensioen')).toBe(0);
  });

  it('finds a document added after a search, and not one removed after it', () => {
    const idx = index();
    expect(search(idx, 'salaris ')).toHaveLength(5);
    idx.put({ kind: 'post', id: 'post-2', title: '', at: '2025-03-06T00:00:00.000Z', groupId: null }, postDocument({ body: 'Is het salaris al binnen?' }));
    idx.remove('page', 'page-salaris');
    expect(search(idx, 'salaris ')).toEqual(['page-pensioen', 'person-1', 'group-1', 'post-2', 'post-1']);
  });

  it('keeps the best of each kind apart, each kind with its own limit, in the order one search gives', () => {
    const idx = index();
    const plan = planQuery('salaris ', idx.vocabulary, synonymTable(DEFAULT_SYNONYMS));
    const best = idx.searchEachKind(plan, { page: 1, post: 5, group: 0, person: 5 });
    expect(Object.fromEntries(Object.entries(best).map(([kind, list]) => [kind, list.map((r) => r.doc.id)]))).toEqual({ page: ['page-salaris'], post: ['post-1'], group: [], person: ['person-1'] });
    expect(best.page[0]!.rank).toBe(idx.search(plan, 1)[0]!.rank);
  });

  it('orders equal matches newest first', () => {
    const idx = new MemoryIndex();
    idx.put({ kind: 'post', id: 'a', title: '', at: '2025-01-01T00:00:00.000Z', groupId: null }, postDocument({ body: 'rooster' }));
    idx.put({ kind: 'post', id: 'b', title: '', at: '2025-02-01T00:00:00.000Z', groupId: null }, postDocument({ body: 'rooster' }));
    expect(search(idx, 'rooster ')).toEqual(['b', 'a']);
  });

  it('finds the newest of many equal matches, a few seconds apart, in every minute', () => {
    const idx = new MemoryIndex();
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 300; i++) {
      const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 5 * 60) * 1_000).toISOString();
      idx.put({ kind: 'post', id: `post-${i}`, title: '', at, groupId: null }, postDocument({ body: 'rooster' }));
    }
    const plan = planQuery('rooster', idx.vocabulary, synonymTable(DEFAULT_SYNONYMS));
    const limits = { page: 0, post: 7, group: 0, person: 0 };
    const newest = idx.search(plan, 7).map((r) => r.doc.id);
    expect(idx.searchEachKind(plan, limits).post.map((r) => r.doc.id)).toEqual(newest);
  });

  it.each([
    [600, 'months'],
    [600, 'seconds'],
    [40, 'seconds'],
  ] as const)('gives each kind\'s best, with the big word read heaviest first, exactly as ranking every match does (%i documents, apart by %s)', (size, apart) => {
    // A small vocabulary and few dates: many documents share terms, weights and times, so ties decide.
    // Seconds apart puts many documents in one minute, the unit the lists are ordered by within a weight.
    const words = ['salaris', 'salarisstrook', 'rooster', 'roosterwijziging', 'verlof', 'vakantie', 'dienst', 'dienstrooster', 'ziek', 'ziekmelding', 'parkeren', 'pauze'];
    const kinds = ['page', 'post', 'group', 'person'] as const;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = () => words[Math.floor(random() * words.length)]!;
    const idx = new MemoryIndex();
    for (let i = 0; i < size; i++) {
      const kind = kinds[i % 4]!;
      const title = Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(' ');
      const body = Array.from({ length: Math.floor(random() * 8) }, pick).join(' ');
      const at =
        apart === 'months'
          ? `2025-0${1 + Math.floor(random() * 3)}-01T00:00:00.000Z`
          : new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 4) * 60_000 + Math.floor(random() * 3) * 1_000).toISOString();
      const doc = { kind, id: `${kind}-${i}`, title, at, groupId: null };
      idx.put(doc, kind === 'post' ? postDocument({ body: `${title} ${body}` }) : kind === 'page' ? pageDocument({ title, body }) : kind === 'group' ? groupDocument({ name: title, description: body }) : personDocument({ name: title, jobTitle: body }, { department: null, location: null }));
    }
    const synonyms = synonymTable(DEFAULT_SYNONYMS);
    const planned = { oneWord: 0, more: 0 };
    const queries = [...words, 'salris', 'roostr', 'salaris rooster', 'hoe meld ik me ziek', 'verlof vakantie dienst', 'dienst rooster', 'ziek melding'];
    for (const limits of [{ page: 6, post: 5, group: 3, person: 4 }, { page: 1, post: 1, group: 0, person: 2 }]) {
      for (const query of queries) {
        for (let i = 1; i <= query.length; i++) {
          const plan = planQuery(query.slice(0, i), idx.vocabulary, synonyms);
          if (plan.terms.length === 0) continue;
          planned[new Set(plan.terms.map((t) => t.slot)).size > 1 ? 'more' : 'oneWord']++;
          const fast = idx.searchEachKind(plan, limits);
          for (const kind of kinds) {
            const full = idx.search(plan, limits[kind], (d) => d.kind === kind);
            expect(fast[kind].map((r) => [r.doc.id, r.rank]), `${query.slice(0, i)} (${kind})`).toEqual(full.map((r) => [r.doc.id, r.rank]));
          }
        }
      }
    }
    expect(planned.oneWord).toBeGreaterThan(50);
    expect(planned.more).toBeGreaterThan(40);
  });
});
