import { describe, expect, it } from 'vitest';
import { amsterdamInstant, nextStarterAt } from '../../../../common/src/starters/rhythm.js';

const at = (iso: string) => new Date(iso);
const weekly = (weekday: number, time: string) => ({ kind: 'weekly' as const, weekday, time });

describe('the conversation starters’ rhythm', () => {
  it('reads a wall-clock time in Amsterdam on winter and on summer time', () => {
    expect(amsterdamInstant('2026-01-13', '14:00').toISOString()).toBe('2026-01-13T13:00:00.000Z');
    expect(amsterdamInstant('2026-07-14', '14:00').toISOString()).toBe('2026-07-14T12:00:00.000Z');
  });

  it('asks weekly on the weekday at the time, strictly after the moment given', () => {
    // Tuesday 13 January 2026, 14:00 in Amsterdam is 13:00 UTC.
    expect(nextStarterAt(weekly(2, '14:00'), at('2026-01-13T12:59:59.999Z')).toISOString()).toBe('2026-01-13T13:00:00.000Z');
    expect(nextStarterAt(weekly(2, '14:00'), at('2026-01-13T13:00:00.000Z')).toISOString()).toBe('2026-01-20T13:00:00.000Z');
    // Monday 08:00 asked on a Sunday evening.
    expect(nextStarterAt(weekly(1, '08:00'), at('2026-01-18T20:00:00Z')).toISOString()).toBe('2026-01-19T07:00:00.000Z');
    // Just after midnight in Amsterdam is still the day before in UTC.
    expect(nextStarterAt(weekly(3, '00:30'), at('2026-01-13T23:10:00Z')).toISOString()).toBe('2026-01-13T23:30:00.000Z');
  });

  it('keeps the Amsterdam time across the clock changes of March and October', () => {
    // The week of the spring change: Tuesday 24 March on winter time, Tuesday 31 March on summer time.
    const march = nextStarterAt(weekly(2, '14:00'), at('2026-03-24T13:00:00Z'));
    expect(march.toISOString()).toBe('2026-03-31T12:00:00.000Z');
    const october = nextStarterAt(weekly(2, '14:00'), at('2026-10-20T12:00:00Z'));
    expect(october.toISOString()).toBe('2026-10-27T13:00:00.000Z');
    // Every day at 09:00 over the night of the change: 23 hours apart in March, 25 in October.
    const daily = (from: string) => ({ kind: 'days' as const, every: 1, time: '09:00', from });
    const sat = nextStarterAt(daily('2026-03-01'), at('2026-03-28T00:00:00Z'));
    const sun = nextStarterAt(daily('2026-03-01'), sat);
    expect([sat.toISOString(), sun.toISOString()]).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
    const octSun = nextStarterAt(daily('2026-10-01'), at('2026-10-24T10:00:00Z'));
    expect(octSun.toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('asks a time the spring change skips an hour later, and a repeated autumn time once', () => {
    expect(amsterdamInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const skipped = { kind: 'weekly' as const, weekday: 7, time: '02:30' };
    expect(nextStarterAt(skipped, at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const repeated = nextStarterAt(skipped, at('2026-10-24T12:00:00Z'));
    expect(repeated.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    // Asked once that night: the next is a week on, not the hour after.
    expect(nextStarterAt(skipped, repeated).toISOString()).toBe('2026-11-01T01:30:00.000Z');
    expect(nextStarterAt(skipped, at('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('counts every N days from the first day, also from before it and long after it', () => {
    const every3 = { kind: 'days' as const, every: 3, time: '09:00', from: '2026-03-27' };
    expect(nextStarterAt(every3, at('2026-03-01T00:00:00Z')).toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(nextStarterAt(every3, at('2026-03-27T08:00:00Z')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // 2026-03-27 + 3 × 100 days = 2027-01-21.
    expect(nextStarterAt(every3, at('2027-01-20T12:00:00Z')).toISOString()).toBe('2027-01-21T08:00:00.000Z');
  });
});
