import { describe, expect, it } from 'vitest';
import { normaliseHashtag, parseHashtags } from '../../../../common/src/text/hashtags.js';
import { parseMarkdown, type Inline } from '../../../../common/src/text/markdown.js';

describe('hashtags in a post', () => {
  it('finds tags at word starts, lower-cased and once each', () => {
    expect(parseHashtags('Nieuwe #Griepprik ronde! #griepprik #BHV-oefening')).toEqual(['griepprik', 'bhv']);
  });
  it('keeps Dutch letters and ignores numbers and anchors in links', () => {
    expect(parseHashtags('#café #één kamer #3 https://intranet.nl/pagina#sectie a#b')).toEqual(['café', 'één']);
  });
  it('normalises what a person types in a filter', () => {
    expect(normaliseHashtag('#Rooster')).toBe('rooster');
  });
});

describe('the tags a post is filed under are the tags it shows as links', () => {
  const tagsShown = (body: string): string[] => {
    const found = new Set<string>();
    const walk = (tokens: Inline[]) => {
      for (const t of tokens) {
        if (t.type === 'hashtag') found.add(t.tag);
        if (t.type === 'bold' || t.type === 'italic' || t.type === 'link') walk(t.children);
      }
    };
    for (const block of parseMarkdown(body)) (block.type === 'paragraph' ? [block.children] : block.items).forEach(walk);
    return [...found];
  };

  it.each([
    'Nieuwe #Griepprik ronde! #griepprik',
    '😀#feest and 𝒜#wiskunde and 日本#tokio',
    '&#123; entity, https://a.nl/x#frag, ##dubbel, (#haakjes), *#vet*',
    '- #lijst item\n- tweede #item2',
    'mail anna@#zorg.nl and #3 and #a_b_c and #Één',
  ])('%s', (body) => {
    expect(tagsShown(body).sort()).toEqual(parseHashtags(body).sort());
  });
});
