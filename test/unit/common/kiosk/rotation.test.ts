import { describe, expect, it } from 'vitest';
import { createRotation, type Rotatable } from '../../../../common/src/kiosk/rotation.js';

const at = new Date('2026-03-02T10:00:00Z');
const item = (key: string, weight = 1, expiresAt: string | null = null): Rotatable => ({ key, weight, expiresAt });

function play(items: Rotatable[], turns: number, now = at): string[] {
  const rotation = createRotation<Rotatable>();
  return Array.from({ length: turns }, () => rotation.next(items, now)?.key ?? '-');
}

describe('the order a kiosk plays its items in', () => {
  it('plays every item once per round when all weigh the same, in playlist order', () => {
    expect(play([item('a'), item('b'), item('c')], 6)).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('plays an item of weight 3 three times as often, spread through the round rather than in a block', () => {
    const order = play([item('poll', 3), item('slide'), item('post')], 50);
    const count = (k: string) => order.filter((x) => x === k).length;
    expect(count('poll')).toBe(30);
    expect(count('slide')).toBe(10);
    expect(count('post')).toBe(10);
    // Never three turns in a row for the heavy item: the light ones are spread between.
    expect(order.join(',')).not.toContain('poll,poll,poll');
  });

  it('skips an item whose time has ended, and plays nothing when everything has expired', () => {
    const items = [item('expired', 5, '2026-03-02T09:59:59Z'), item('still', 1, '2026-03-02T10:00:01Z'), item('always')];
    expect(play(items, 4)).toEqual(['still', 'always', 'still', 'always']);
    expect(play([item('gone', 1, '2026-03-01T00:00:00Z')], 2)).toEqual(['-', '-']);
  });

  it('plays nothing for an empty playlist', () => {
    expect(play([], 3)).toEqual(['-', '-', '-']);
  });

  it('takes new items in and keeps no credit for items that left, so months of changes use no more memory', () => {
    const rotation = createRotation<Rotatable>();
    for (let i = 0; i < 10_000; i++) rotation.next([item('pinned'), item(`post-${i}`), item(`post-${i + 1}`)], at);
    expect(rotation.size()).toBe(3);
  });
});
