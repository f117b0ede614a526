import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../../common/src/search/snippet.js';

const marked = (s: { text: string; highlights: { start: number; end: number }[] }) => s.highlights.map((h) => s.text.slice(h.start, h.end));

describe('search snippets', () => {
  it('marks every matched word by position, whatever its form and accents', () => {
    const s = makeSnippet('De Cliënt krijgt zijn salarissen; het salaris volgt.', new Set(['client', 'salaris']));
    expect(marked(s)).toEqual(['Cliënt', 'salarissen', 'salaris']);
  });

  it('starts near the first match in a long text and says where it was cut', () => {
    const text = `${'Inleiding zonder het woord. '.repeat(12)}Hier staat de betaaldatum van het salaris. ${'Nog meer tekst. '.repeat(20)}`;
    const s = makeSnippet(text, new Set(['salaris']), 120);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(marked(s)).toEqual(['salaris']);
    expect(s.text.length).toBeLessThanOrEqual(122);
  });

  it('keeps markup-looking text as text: a highlight is a range, never a tag', () => {
    const s = makeSnippet('<b>rooster</b> <script>x</script>', new Set(['rooster']));
    expect(s.text).toBe('<b>rooster</b> <script>x</script>');
    expect(marked(s)).toEqual(['rooster']);
  });
});
