import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../../common/src/text/wordDiff.js';

const side = (parts: ReturnType<typeof wordDiff>, kind: 'removed' | 'added') => parts.filter((p) => p.kind !== kind).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('marks the words a coach changed, and gives the suggested text back exactly', () => {
    const before = 'Vandaag een mooie wandeling met bewoners';
    const after = 'Vandaag een mooie wandeling gemaakt met de bewoners van De Linde';
    const parts = wordDiff(before, after);
    expect(side(parts, 'added').trim()).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['gemaakt', 'de', 'van De Linde']);
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
  });

  it('shows a replaced word as removed and added', () => {
    expect(wordDiff('De kantine is dicht', 'De kantine is gesloten')).toEqual([
      { kind: 'same', text: 'De kantine is ' },
      { kind: 'removed', text: 'dicht' },
      { kind: 'added', text: 'gesloten' },
    ]);
  });

  it('treats identical texts as unchanged and an empty one as all new', () => {
    expect(wordDiff('Gelijk gebleven', 'Gelijk gebleven')).toEqual([{ kind: 'same', text: 'Gelijk gebleven' }]);
    expect(wordDiff('', 'Alles nieuw')).toEqual([{ kind: 'added', text: 'Alles nieuw' }]);
  });

  it('gives up word by word beyond the limit and marks the whole text as changed', () => {
    expect(wordDiff('a b c', 'a b d', 2)).toEqual([
      { kind: 'removed', text: 'a b c' },
      { kind: 'added', text: 'a b d' },
    ]);
  });
});
