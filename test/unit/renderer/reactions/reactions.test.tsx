// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

describe('reactions', () => {
  it('opens the five reactions with a tap, gives the chosen one and shows the counts per kind', async () => {
    const p = post('De nieuwe tillift werkt top!', { likeCount: 3, reactions: { like: 3, hart: 0, applaus: 0, inzichtelijk: 0, bedankt: 0 } });
    const fake = renderApp({ loggedIn: true, posts: [p] });
    await timelineReady();
    const card = screen.getByRole('article');
    expect(within(card).getByRole('button', { name: /Leuk/ }).textContent).toContain('3');
    fireEvent.click(within(card).getByRole('button', { name: 'Kies reactie' }));
    const choices = within(card).getByRole('group', { name: 'Kies je reactie' });
    expect(within(choices).getAllByRole('button').map((b) => b.textContent)).toEqual(['Leuk', 'Hart', 'Applaus', 'Inzichtelijk', 'Bedankt']);
    fireEvent.click(within(choices).getByRole('button', { name: 'Applaus' }));

    await waitFor(() => expect(fake.callsTo('post.react')).toEqual([{ id: p.id, kind: 'applaus' }]));
    expect(within(card).queryByRole('group', { name: 'Kies je reactie' })).toBeNull();
    const mine = within(card).getByRole('button', { name: 'Applaus' });
    expect(mine.getAttribute('aria-pressed')).toBe('true');
    expect(within(card).getByLabelText('3 × Leuk, 1 × Applaus')).toBeTruthy();
  });

  it('changes her reaction instead of adding one, and takes it back from the main button', async () => {
    const p = post('Bedankt voor jullie hulp bij de verhuizing', { likeCount: 1, likedByMe: true, myReaction: 'hart', reactions: { like: 0, hart: 1, applaus: 0, inzichtelijk: 0, bedankt: 0 } });
    const fake = renderApp({ loggedIn: true, posts: [p] });
    await timelineReady();
    const card = screen.getByRole('article');
    fireEvent.click(within(card).getByRole('button', { name: 'Kies reactie' }));
    fireEvent.click(within(within(card).getByRole('group', { name: 'Kies je reactie' })).getByRole('button', { name: 'Bedankt' }));
    await waitFor(() => expect(within(card).getByLabelText('1 × Bedankt')).toBeTruthy());
    fireEvent.click(within(card).getByRole('button', { name: 'Bedankt' }));
    await waitFor(() => expect(fake.callsTo('post.react').at(-1)).toEqual({ id: p.id, kind: null }));
    expect(within(card).getByRole('button', { name: 'Leuk' }).getAttribute('aria-pressed')).toBe('false');
  });
});
