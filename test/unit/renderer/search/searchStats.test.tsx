// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../../common/src/ipc/contract.js';
import { statsPeriod } from '../../../../renderer/src/features/search/SearchStatsPage';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const block = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('section')!;

describe('the search statistics', () => {
  it('shows each block as a table, the opened pages linking to them, and the synonyms one click away', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    await timelineReady();
    window.location.hash = '#/kb/stats';

    await screen.findByRole('heading', { level: 2, name: 'Per dag' });
    expect(within(block('Per dag')).getAllByRole('row').map((r) => r.textContent)).toEqual(['DagZoekopdrachtenUniek', '2025-03-104031', '2025-03-115240']);
    expect(within(block('Meest gezocht')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['salaris', '210', 'corona', '140', 'planning', '98']);
    expect(within(block('Geopend na zoeken')).getByRole('link', { name: 'Salaris en betaaldata' }).getAttribute('href')).toBe(`#/kb/page/${fake.kb.salary.id}`);
    expect(screen.getByRole('link', { name: 'Synoniemen bewerken' })).toBeTruthy();
  });

  it('says a period without searches has nothing yet, instead of an empty table', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    const empty: MethodOutput<'search.stats'> = { from: '2025-02-10', to: '2025-03-11', searches: 0, uniqueSearches: 0, days: [], topTerms: [], noResults: [], noClicks: [], openedPages: [] };
    fake.handlers['search.stats'] = async () => ({ ok: true, value: empty });
    await timelineReady();
    window.location.hash = '#/kb/stats';

    await screen.findByRole('heading', { level: 2, name: 'Per dag' });
    for (const name of ['Per dag', 'Meest gezocht', 'Niets gevonden', 'Gevonden, maar niets geopend', 'Geopend na zoeken']) {
      expect(within(block(name)).queryByRole('table')).toBeNull();
      expect(within(block(name)).getByText('Nog niets in deze periode.')).toBeTruthy();
    }
  });
});

describe('the statistics period', () => {
  it('ends today in Amsterdam, also in the hour after midnight there when UTC is still at yesterday', () => {
    expect(statsPeriod(30, new Date('2026-11-30T23:30:00.000Z'))).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    expect(statsPeriod(7, new Date('2026-07-15T12:00:00.000Z'))).toEqual({ from: '2026-07-09', to: '2026-07-15' });
  });
});
