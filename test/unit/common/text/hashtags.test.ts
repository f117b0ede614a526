import { describe, expect, it } from 'vitest';
import { normaliseHashtag, parseHashtags } from '../../../../common/src/text/hashtags.js';

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
