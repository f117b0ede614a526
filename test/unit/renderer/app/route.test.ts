import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../../../../renderer/src/app/route.js';

describe('hash routes', () => {
  it('reads the timeline, a hashtag filter and a single post', () => {
    expect(parseHash('')).toEqual({ name: 'timeline', hashtag: null });
    expect(parseHash('#/')).toEqual({ name: 'timeline', hashtag: null });
    expect(parseHash('#/tag/caf%C3%A9')).toEqual({ name: 'timeline', hashtag: 'café' });
    expect(parseHash('#/post/0190a1b2-c3d4-7e5f-8a6b-000000000001')).toEqual({ name: 'post', id: '0190a1b2-c3d4-7e5f-8a6b-000000000001' });
    expect(parseHash('#/onbekend')).toEqual({ name: 'timeline', hashtag: null });
  });

  it('writes what it reads', () => {
    for (const route of [{ name: 'timeline', hashtag: 'café' }, { name: 'post', id: 'a/b' }, { name: 'noticeSettings' }] as const) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
  });
});
