// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput, Result } from '../../../../common/src/ipc/contract.js';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const owed = { state: 'owed' as const, laterCount: 0, laterLimit: 3, waiting: false };

describe('"lezen verplicht" on a card', () => {
  it('carries a band and one "Gelezen" that confirms at once, before main answers', async () => {
    const must = post('Nieuw protocol handhygiëne', { myRead: owed });
    const fake = renderApp({ loggedIn: true, posts: [must, post('Lunch op het dakterras')] });
    let answer: (r: Result<MethodOutput<'readConfirmations.confirm'>>) => void = () => {};
    fake.handlers['readConfirmations.confirm'] = () => new Promise((resolve) => (answer = resolve));
    await timelineReady();

    const card = (await screen.findByText(/handhygiëne/)).closest('article')!;
    expect(within(card).getByText('Lezen verplicht')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Gelezen' })).toHaveLength(1);
    fireEvent.click(within(card).getByRole('button', { name: 'Gelezen' }));
    expect(within(card).getByText('Gelezen — wordt verstuurd')).toBeTruthy();
    expect(fake.callsTo('readConfirmations.confirm')).toEqual([{ id: must.id }]);

    await act(async () => answer({ ok: true, value: { ...must, myRead: { ...owed, state: 'confirmed', waiting: true } } }));
    expect(within(card).queryByRole('button', { name: 'Gelezen' })).toBeNull();
  });

  it('goes back to "lezen verplicht" and says why when main refuses', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Brandoefening', { myRead: owed })] });
    fake.handlers['readConfirmations.confirm'] = () => ({ ok: false, error: { code: 'not_logged_in', message: 'gone' } });
    await timelineReady();
    fireEvent.click(await screen.findByRole('button', { name: 'Gelezen' }));
    expect(await screen.findByRole('button', { name: 'Gelezen' })).toBeTruthy();
    expect(screen.queryByText(/wordt verstuurd/)).toBeNull();
  });

  it('says how many colleagues saw a post, never who', async () => {
    renderApp({ loggedIn: true, posts: [post('Kerstborrel vrijdag', { viewCount: 12 })] });
    await timelineReady();
    expect(await screen.findByText('Gezien door 12 collega’s')).toBeTruthy();
  });
});

describe('"Eerst lezen" after a tap-in on a shared PC', () => {
  it('shows her unconfirmed posts one at a time, then the timeline', async () => {
    const first = post('Eerste: nieuwe werkwijze medicatie', { myRead: owed });
    const second = post('Tweede: valpreventie', { myRead: { ...owed, laterCount: 3 } });
    const fake = renderApp({ loggedIn: true, mode: 'shared', posts: [first, second, post('Gewoon bericht')] });
    expect(await screen.findByRole('heading', { name: 'Eerst even lezen (2)' })).toBeTruthy();
    expect(screen.queryByRole('feed')).toBeNull();
    expect(screen.getByText(/Eerste: nieuwe werkwijze/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(await screen.findByRole('heading', { name: 'Eerst even lezen (1)' })).toBeTruthy();
    // Put off as often as allowed: only "Gelezen" is left.
    expect(screen.getByRole('button', { name: 'Later' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Later kan niet meer: lees het nu even.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gelezen' }));
    await timelineReady();
    expect(await screen.findByRole('feed')).toBeTruthy();
    expect(fake.callsTo('readConfirmations.later')).toEqual([{ id: first.id }]);
    expect(fake.callsTo('readConfirmations.confirm')).toEqual([{ id: second.id }]);
  });

  it('goes straight to the timeline when there is nothing to read', async () => {
    renderApp({ loggedIn: true, mode: 'shared', posts: [post('Gewoon bericht')] });
    await timelineReady();
    expect(await screen.findByRole('feed')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Eerst even lezen/ })).toBeNull();
  });
});
