// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  resetApp();
  window.location.hash = '';
});

describe('the first-time tour', () => {
  it('walks her through the steps once and records that she finished', async () => {
    const fake = renderApp({ loggedIn: true, tourPending: true });
    const dialog = await screen.findByRole('dialog', { name: 'Welkom bij LINDE' });
    expect(within(dialog).getByText('Stap 1 van 5')).toBeTruthy();
    for (const title of ['De tijdlijn', 'Groepen', 'Weten en regelen', 'Vraag het een ambassadeur']) {
      fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Volgende' }));
      await screen.findByRole('dialog', { name: title });
    }
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Klaar' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('tour.finish')).toEqual([{ outcome: 'done' }]);
  });

  it('can be skipped, and does not show when it is not pending', async () => {
    const fake = renderApp({ loggedIn: true, tourPending: true });
    const dialog = await screen.findByRole('dialog', { name: 'Welkom bij LINDE' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Overslaan' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('tour.finish')).toEqual([{ outcome: 'skipped' }]);
    resetApp();

    const again = renderApp({ loggedIn: true, posts: [post('Goedemorgen allemaal')] });
    await timelineReady();
    await waitFor(() => expect(again.callsTo('tour.mine')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('the ambassador mark', () => {
  it('stands beside an ambassador’s name on her post and is read out, and not beside anyone else’s', async () => {
    const byAmbassador = post('Tip: zo zet je je rooster in de app', { author: { id: '01930000-0000-7000-8000-0000000000a1', name: 'Fatima El Amrani', handle: 'fatima', jobTitle: 'Verzorgende IG', departmentName: 'Afdeling 3B', avatarUrl: null, ambassador: { line: 'Vraag mij over: roosters' } } });
    const byOther = post('Wie heeft mijn sleutelbos gezien?');
    renderApp({ loggedIn: true, posts: [byAmbassador, byOther] });
    await timelineReady();
    const cards = screen.getAllByRole('article');
    const theirs = cards.find((a) => a.textContent?.includes('rooster in de app'))!;
    const other = cards.find((a) => a.textContent?.includes('sleutelbos'))!;
    expect(within(theirs).getByRole('heading', { name: /Fatima El Amrani/ }).textContent).toContain('Ambassadeur');
    expect(within(other).queryByText('Ambassadeur')).toBeNull();
  });
});
