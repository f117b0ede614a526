// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatsDashboard } from '../../../../common/src/ipc/contract.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const period = { period: { from: '2025-03-01', to: '2025-03-07' }, previous: { from: '2025-02-22', to: '2025-02-28' } };
const id = (n: number) => `01950000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A dashboard as the server answers: figures of fewer than 10 people are null. */
function dashboard(): StatsDashboard {
  const cells = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const count = weekday === 2 && hour === 14 ? 90 : hour >= 9 && hour < 17 && weekday <= 5 ? 20 : null;
      cells.push({ weekday, hour, count, previousCount: count });
    }
  }
  const hostile = { postId: id(1), excerpt: '<img src=x onerror="window.__pwned=1"> Roosters zomer', groupName: null, views: 40, reactions: null, comments: null, previous: 30 };
  return {
    activity: { ...period, byWeekdayHour: cells, best: { weekday: 2, hour: 14 }, total: 970, previousTotal: 970 },
    people: {
      ...period,
      staff: 300,
      days: ['2025-03-01', '2025-03-02', '2025-03-03'].map((day, i) => ({ day, active: i === 1 ? null : 100, previous: 80 })),
      week: { from: '2025-03-03', to: '2025-03-09', active: 120, previous: 100 },
      month: { from: '2025-03-01', to: '2025-03-31', active: null, previous: 150 },
    },
    sessions: { ...period, buckets: [{ bucket: 'lt1m', sessions: null, previous: null }, { bucket: '1to5m', sessions: 50, previous: 40 }], averageSeconds: 343, previousAverageSeconds: 300 },
    devices: { ...period, devices: [{ deviceKind: 'workstation', sessions: 80, previous: 70 }, { deviceKind: 'kiosk', sessions: null, previous: null }] },
    posts: { ...period, byViews: [hostile], byReactions: [], byComments: [], mostLikedOfMonth: { month: '2025-03', post: null } },
    groups: { ...period, groups: [] },
    search: { ...period, searches: 12, previousSearches: 10, uniqueSearches: 9, previousUniqueSearches: 8, topTerms: [{ term: 'salaris', searches: 5 }], noResults: [], noClicks: [] },
    readConfirmations: { ...period, available: true, items: [{ subjectId: id(2), title: 'Nieuw protocol', confirmed: 30, audience: 120 }] },
  };
}

const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section')!;

describe('the statistics dashboard', () => {
  it('names the best time to post, marks it in the heatmap, and shows a hidden figure as a dash that says why', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    fake.handlers['stats.dashboard'] = async () => ({ ok: true, value: dashboard() });
    await timelineReady();
    window.location.hash = '#/statistieken';

    expect(await screen.findByText('Beste moment om te posten: dinsdag 14:00–15:00')).toBeTruthy();
    const heatmap = screen.getByRole('table', { name: 'Activiteit per weekdag en uur (Nederlandse tijd)' });
    const tuesday = within(heatmap).getByRole('row', { name: /^dinsdag/ });
    expect(within(tuesday).getAllByRole('cell')[14]!.textContent).toBe('★90');
    expect(within(tuesday).getAllByRole('cell')[3]!.textContent).toBe('–');

    const people = section('Actieve collega’s');
    expect(within(people).getByText('40% van 300 collega’s')).toBeTruthy();
    expect(within(people).getByText('▲ 20% meer dan de vorige periode')).toBeTruthy();
    // This month's figure is hidden: a dash, and words for the screen reader; no share, no comparison.
    const month = within(people).getByRole('heading', { level: 3, name: 'Actief deze maand' }).parentElement!;
    expect(month.textContent).toContain('–minder dan 10 personen');
    expect(month.textContent).not.toContain('%');
    const perDay = within(people).getByRole('table', { name: 'Actieve collega’s per dag' });
    expect(within(perDay).getAllByRole('row').map((r) => r.textContent)).toEqual(['DagActiefVorige periode', '1 maart 202510080', '2 maart 2025–minder dan 10 personen80', '3 maart 202510080']);

    // A post's text is shown as text, never as markup.
    expect(within(section('Populaire berichten')).getByRole('link', { name: /<img src=x onerror/ })).toBeTruthy();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(within(section('Leesbevestigingen')).getByText('25%')).toBeTruthy();
  });

  it('tells an editor without a connection where the figures are, and tries again on request', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    let asked = 0;
    fake.handlers['stats.dashboard'] = async () => (++asked === 1 ? { ok: false, error: { code: 'offline', message: 'offline' } } : { ok: true, value: dashboard() });
    await timelineReady();
    window.location.hash = '#/statistieken';
    expect(await screen.findByText('Geen verbinding — de statistieken staan op de server. Probeer het zo opnieuw.')).toBeTruthy();
    screen.getByRole('button', { name: 'Opnieuw proberen' }).click();
    expect(await screen.findByText('Beste moment om te posten: dinsdag 14:00–15:00')).toBeTruthy();
  });

  it('shows a colleague who is no editor neither the menu item nor any figure', async () => {
    const fake = renderApp({ loggedIn: true });
    let asked = 0;
    fake.handlers['stats.dashboard'] = async () => (asked++, { ok: true, value: dashboard() });
    await timelineReady();
    expect(screen.queryByRole('link', { name: 'Statistieken' })).toBeNull();
    window.location.hash = '#/statistieken';
    expect(await screen.findByText('Statistieken zijn er voor redacteuren en beheerders, op hun eigen werkplek.')).toBeTruthy();
    expect(asked).toBe(0);
  });
});
