import { describe, expect, it } from 'vitest';
import { groupDocument, pageDocument, personDocument, postDocument, resultTitle } from '../../../../common/src/search/documents.js';
import { MemoryIndex } from '../../../../common/src/search/memoryIndex.js';
import { planQuery } from '../../../../common/src/search/query.js';
import { DEFAULT_SYNONYMS, synonymTable } from '../../../../common/src/search/synonyms.js';
import { generate } from '../../../../server/src/seed/generate.js';
import { formatReport, RELEVANCE_FLOORS, runRelevanceSuite } from '../../../fixtures/search/dutchRelevance.js';

/**
 * The relevance suite against the shared in-memory index, the one the client's offline search will
 * use, over the same demo organisation the server is measured on: the analysis and the ranking are
 * shared, so it must reach the server's floors without a database.
 */
describe('Dutch relevance of the in-memory index', () => {
  it('finds the expected pages as well as the server does', async () => {
    const data = await generate({ seed: 1, employees: 50, slug: 'demo', anchorMs: Date.parse('2025-03-12T00:00:00.000Z'), images: null, secrets: new Map() });
    const index = new MemoryIndex();
    const put = (kind: 'page' | 'post' | 'group' | 'person', id: string, at: string, groupId: string | null, source: ReturnType<typeof pageDocument>) =>
      index.put({ kind, id, title: resultTitle(source), at, groupId }, source);
    for (const p of data.knowledgeBase.pages) put('page', p.id, p.updated_at, null, pageDocument(p));
    for (const p of data.posts) put('post', p.id, p.edited_at ?? p.created_at, p.group_id, postDocument(p));
    for (const g of data.groups) put('group', g.id, g.created_at, g.id, groupDocument(g));
    const place = new Map([...data.departments.map((d) => [d.id, d.name] as const), ...data.locations.map((l) => [l.id, l.name] as const)]);
    for (const p of data.people.filter((x) => x.active === 1)) {
      put('person', p.id, p.updated_at, null, personDocument({ name: p.name, jobTitle: p.job_title }, { department: place.get(p.department_id ?? '') ?? null, location: place.get(p.location_id ?? '') ?? null }));
    }
    const synonyms = synonymTable(DEFAULT_SYNONYMS);
    const report = await runRelevanceSuite(async (q) => index.search(planQuery(q, index.vocabulary, synonyms), 10).map((r) => r.doc));
    console.log(formatReport('in memory', report));
    expect(report.recallAt1).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt1);
    expect(report.recallAt3).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.recallAt3);
    expect(report.mrr).toBeGreaterThanOrEqual(RELEVANCE_FLOORS.mrr);
  });
});
