import { describe, expect, it } from 'vitest';
import { inTurns } from '../../../../server/src/realtime/slicedDelivery.js';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('callers going on in turns', () => {
  it('lets at most a slice go on per turn of the event loop, in the order they asked, with other work between', async () => {
    const turn = inTurns(100);
    const went: number[] = [];
    const all = Array.from({ length: 250 }, (_, i) => turn().then(() => went.push(i)));
    expect(went).toHaveLength(0);
    // Work queued by someone else meanwhile runs between the slices.
    await nextTurn();
    expect(went).toHaveLength(100);
    await nextTurn();
    expect(went).toHaveLength(200);
    await nextTurn();
    expect(went).toHaveLength(250);
    await Promise.all(all);
    expect(went).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('lets a lone caller go on at the next turn, and starts afresh after a quiet spell', async () => {
    const turn = inTurns(100);
    await turn();
    const later = Array.from({ length: 3 }, () => turn());
    await nextTurn();
    await expect(Promise.all(later)).resolves.toHaveLength(3);
  });
});
