// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isOverdue, overdueFor } from '../../../../renderer/src/features/kb/reviewDue';
import { useNow } from '../../../../renderer/src/ui/clock';
import { me } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  resetApp();
  useNow.setState({ now: Date.now() });
});

describe('pages past their review date', () => {
  it('are overdue from the day after the review date, in Amsterdam days', () => {
    const page = { ownerId: 'p1', reviewDate: '2026-03-01' };
    expect(isOverdue(page, new Date('2026-03-01T22:59:00.000Z'))).toBe(false);
    expect(isOverdue(page, new Date('2026-03-01T23:00:00.000Z'))).toBe(true);
    expect(isOverdue({ ownerId: 'p1', reviewDate: null }, new Date('2030-01-01T12:00:00.000Z'))).toBe(false);
  });

  it('are her own only, longest overdue first, and nobody’s when nobody is logged in', () => {
    const now = new Date('2026-06-01T10:00:00.000Z');
    const pages = [
      { id: 'a', ownerId: 'p1', reviewDate: '2026-05-01' },
      { id: 'b', ownerId: 'p2', reviewDate: '2026-01-01' },
      { id: 'c', ownerId: 'p1', reviewDate: '2026-02-01' },
      { id: 'd', ownerId: 'p1', reviewDate: '2026-07-01' },
    ];
    expect(overdueFor(pages, 'p1', now).map((p) => p.id)).toEqual(['c', 'a']);
    expect(overdueFor(pages, null, now)).toEqual([]);
  });

  it('are flagged to their owner on "Weten en regelen" and on the page itself, and not on a page still in date', async () => {
    useNow.setState({ now: Date.parse('2026-03-05T10:00:00.000Z') });
    const fake = renderApp({ loggedIn: true });
    const [salary, leave] = fake.kb.pages;
    Object.assign(salary!, { ownerId: me.id, reviewDate: '2026-03-01' });
    Object.assign(leave!, { ownerId: me.id, reviewDate: '2026-04-01' });
    await timelineReady();

    window.location.hash = '#/kb';
    const mine = await screen.findByRole('region', { name: 'Jouw pagina’s om te controleren' });
    expect(within(mine).getAllByRole('link').map((a) => a.textContent)).toEqual(['Salaris en betaaldata']);
    expect(within(mine).getByText('Controleren vóór 1 maart 2026')).toBeTruthy();

    fireEvent.click(within(mine).getByRole('link', { name: 'Salaris en betaaldata' }));
    expect((await screen.findByRole('note')).textContent).toContain('de controledatum (1 maart 2026) is voorbij');

    window.location.hash = `#/kb/page/${leave!.id}`;
    await screen.findByRole('heading', { level: 1, name: 'Verlof aanvragen' });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
