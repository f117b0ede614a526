import { describe, expect, it } from 'vitest';
import { change, heatLevel, periodOf, share } from '../../../../renderer/src/features/stats/statsPeriods.js';

describe('the dashboard’s periods and comparisons', () => {
  it('counts in Amsterdam days: late on New Year’s Eve in UTC is already the new year there', () => {
    const now = new Date('2030-12-31T23:30:00.000Z');
    expect(periodOf('last7', now)).toEqual({ from: '2030-12-26', to: '2031-01-01' });
    expect(periodOf('last28', now)).toEqual({ from: '2030-12-05', to: '2031-01-01' });
    expect(periodOf('last90', now)).toEqual({ from: '2030-10-04', to: '2031-01-01' });
    // The monthly report of 1 January is December's.
    expect(periodOf('previousMonth', now)).toEqual({ from: '2030-12-01', to: '2030-12-31' });
    expect(periodOf('previousMonth', new Date('2032-03-10T12:00:00.000Z'))).toEqual({ from: '2032-02-01', to: '2032-02-29' });
  });

  it('compares only figures that are shown, in whole percent and a direction', () => {
    expect(change(120, 100)).toEqual({ direction: 'up', percent: 20 });
    expect(change(75, 100)).toEqual({ direction: 'down', percent: 25 });
    expect(change(100, 100)).toEqual({ direction: 'same', percent: 0 });
    expect(change(null, 100)).toBeNull();
    expect(change(100, null)).toBeNull();
    expect(change(5, 0)).toBeNull();
    expect(share(125, 291)).toBe(43);
    expect(share(null, 291)).toBeNull();
  });

  it('shades heatmap cells in five steps of the busiest shown cell, hidden ones apart', () => {
    expect(heatLevel(null, 100)).toBe('hidden');
    expect(heatLevel(0, 100)).toBe(0);
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(50, 100)).toBe(3);
    expect(heatLevel(100, 100)).toBe(5);
  });
});
