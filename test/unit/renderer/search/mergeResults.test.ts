import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../../common/src/api/routes/search.js';
import { groupResults, mergeResults } from '../../../../renderer/src/features/search/mergeResults.js';
import { parseSynonymLines, synonymLines } from '../../../../renderer/src/features/search/synonymLines.js';

const r = (kind: SearchResult['kind'], id: string): SearchResult => ({ kind, id, title: id, titleHighlights: [], snippet: '', highlights: [] });

describe('adding the server’s results to those on screen', () => {
  it('keeps every shown result in its place and adds only what the server alone knew, after its kind', () => {
    const shown = [r('page', 'salaris'), r('page', 'verlof'), r('post', 'p1')];
    const server = [r('page', 'verlof'), r('post', 'besloten'), r('page', 'salaris'), r('group', 'team')];
    expect(mergeResults(shown, server).map((x) => x.id)).toEqual(['salaris', 'verlof', 'p1', 'besloten', 'team']);
  });

  it('groups the list by kind in the box’s order, numbering each result for the keyboard', () => {
    const groups = groupResults([r('page', 'a'), r('person', 'b'), r('post', 'c')]);
    expect(groups.map((g) => [g.kind, g.items.map((i) => i.index)])).toEqual([
      ['page', [0]],
      ['post', [2]],
      ['person', [1]],
    ]);
  });
});

describe('the synonym list as editors type it', () => {
  it('reads “word = synonym, synonym” lines back to what it wrote, skipping blank lines', () => {
    const items = [
      { term: 'loon', synonyms: ['salaris', 'loonstrook'] },
      { term: 'vrij', synonyms: ['verlof'] },
    ];
    expect(parseSynonymLines(`${synonymLines(items)}\n\n`)).toEqual({ items, bad: [] });
  });

  it('reports a line that is not one word with synonyms, instead of saving half of it', () => {
    expect(parseSynonymLines('loon = salaris\nhoe meld ik = ziek\nvrij =').bad).toEqual(['hoe meld ik = ziek', 'vrij =']);
  });
});
