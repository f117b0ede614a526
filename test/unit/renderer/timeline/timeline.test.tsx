// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput, Result } from '../../../../common/src/ipc/contract.js';
import { comment, post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

function card(text: string): HTMLElement {
  return screen.getByText(text, { exact: false }).closest('article')!;
}

describe('timeline', () => {
  it('shows pinned posts above the newest posts', async () => {
    renderApp({ loggedIn: true, posts: [post('Nieuw rooster staat klaar'), post('Lees het brandprotocol', { pinned: true })] });
    await timelineReady();
    const articles = await screen.findAllByRole('article');
    expect(articles.map((a) => a.textContent)).toEqual([expect.stringContaining('brandprotocol'), expect.stringContaining('rooster')]);
    expect(within(articles[0]!).getByText('Vastgezet')).toBeTruthy();
  });

  it('fills the heart and counts the like before main has answered', async () => {
    const liked = post('Taart in de teamkamer!', { likeCount: 3 });
    const fake = renderApp({ loggedIn: true, posts: [liked] });
    let answer: (r: Result<MethodOutput<'post.like'>>) => void = () => {};
    fake.handlers['post.like'] = () => new Promise((resolve) => (answer = resolve));
    await timelineReady();

    const button = within(await screen.findByRole('article')).getByRole('button', { name: /Leuk/ });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);

    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(within(button).getByText('4')).toBeTruthy();
    expect(fake.callsTo('post.like')).toEqual([{ id: liked.id, liked: true }]);

    await act(async () => answer({ ok: true, value: { ...liked, likeCount: 4, likedByMe: true } }));
    expect(within(button).getByText('4')).toBeTruthy();
  });

  it('takes the like back and says why when main refuses', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Wie heeft mijn pen?', { likeCount: 1 })] });
    fake.handlers['post.like'] = () => ({ ok: false, error: { code: 'forbidden', message: 'nope' } });
    await timelineReady();
    const button = within(await screen.findByRole('article')).getByRole('button', { name: /Leuk/ });
    fireEvent.click(button);
    expect(await screen.findByText(/Dit mag je niet doen/)).toBeTruthy();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(within(button).getByText('1')).toBeTruthy();
  });

  it('filters on a hashtag in the text and shows a bar to clear the filter', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Oefening vanmiddag #BHV'), post('Lunch op het dakterras')] });
    await timelineReady();
    await screen.findByText(/Lunch op het dakterras/);

    fireEvent.click(within(card('Oefening vanmiddag')).getByRole('link', { name: '#BHV' }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Berichten met #bhv' })).toBeTruthy();
    expect(screen.getByText('Filter: #bhv')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Lunch op het dakterras/)).toBeNull());
    expect(fake.callsTo('timeline.list').at(-1)).toMatchObject({ hashtag: 'bhv' });

    fireEvent.click(screen.getByRole('link', { name: 'Filter #bhv weghalen' }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByText(/Lunch op het dakterras/)).toBeTruthy();
  });

  it('shows each hashtag once: as a link in the text, with no second copy below it', async () => {
    renderApp({ loggedIn: true, posts: [post('Griepprik vanaf maandag #griep #Vaccinatie, zie ook #griep')] });
    await timelineReady();
    const article = await screen.findByRole('article');
    expect(within(article).getAllByRole('link', { name: /#griep/i })).toHaveLength(2);
    expect(within(article).getAllByRole('link', { name: /#vaccinatie/i })).toHaveLength(1);
    expect(within(article).queryByRole('list', { name: /Onderwerpen/ })).toBeNull();
  });

  it('says the posts are on their way while a fresh device catches up, and "no posts yet" only once it has', async () => {
    const fake = renderApp({ loggedIn: true, posts: [], lastSyncedAt: null });
    await timelineReady();
    expect(await screen.findByText('De berichten worden opgehaald…')).toBeTruthy();
    expect(screen.queryByText(/Nog geen berichten/)).toBeNull();

    await act(async () => fake.emit('sync.status', { state: 'online', lastSyncedAt: new Date().toISOString(), offlineSince: null, pendingWrites: 0 }));
    expect(await screen.findByText('Nog geen berichten. Deel jij de eerste?')).toBeTruthy();
    expect(screen.queryByText('De berichten worden opgehaald…')).toBeNull();
  });

  it('tells a device that never caught up and is offline that the posts come with the connection', async () => {
    renderApp({ loggedIn: true, posts: [], lastSyncedAt: null, online: false });
    await timelineReady();
    expect(await screen.findByText(/Zodra er verbinding is, verschijnen ze hier/)).toBeTruthy();
    expect(screen.queryByText(/Nog geen berichten/)).toBeNull();
  });

  it('shows "<img onerror>" in a post as text and makes no image of it', async () => {
    renderApp({ loggedIn: true, posts: [post('Kijk: <img src=x onerror=alert(1)> en [klik](javascript:alert(1))')] });
    await timelineReady();
    const article = await screen.findByRole('article');
    expect(article.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(article.textContent).toContain('[klik](javascript:alert(1))');
    expect(article.querySelector('img')).toBeNull();
    expect(article.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('opens links outside the app without giving them the opener', async () => {
    renderApp({ loggedIn: true, posts: [post('Zie **[het rooster](https://rooster.example.nl)**')] });
    await timelineReady();
    const link = await screen.findByRole('link', { name: 'het rooster' });
    expect(link.getAttribute('href')).toBe('https://rooster.example.nl');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.closest('strong')).not.toBeNull();
  });

  it('shows two comments and folds the rest behind one tap', async () => {
    const busy = post('Wie kan zaterdag ruilen?', { commentCount: 4 });
    renderApp({
      loggedIn: true,
      posts: [busy],
      comments: ['Ik niet', 'Misschien', 'Ik kan wel', 'Top, dank je!'].map((body) => comment(busy.id, body)),
    });
    await timelineReady();
    expect(await screen.findByText('Top, dank je!')).toBeTruthy();
    expect(screen.getByText('Ik kan wel')).toBeTruthy();
    expect(screen.queryByText('Ik niet')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Bekijk alle 4 reacties' }));
    expect(screen.getByText('Ik niet')).toBeTruthy();
  });

  it('refetches when main says the timeline changed', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Eerste bericht')] });
    await timelineReady();
    await screen.findByText('Eerste bericht');
    fake.posts.unshift(post('Net binnen via sync'));
    act(() => fake.emit('timeline.changed', {}));
    expect(await screen.findByText('Net binnen via sync')).toBeTruthy();
  });

  it('shows a refused write as a message with the reason', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    act(() => fake.emit('outbox.rejected', { kind: 'post', code: 'too_large', message: 'x', preview: 'Foto van de BBQ' }));
    expect(await screen.findByText('Je bericht “Foto van de BBQ” is niet geplaatst. Dit is te groot. Maak het kleiner en probeer het opnieuw.')).toBeTruthy();
  });

  it('says quietly whether it is up to date, offline or still sending', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    expect(await screen.findByText('Bijgewerkt')).toBeTruthy();
    const since = new Date(2025, 2, 4, 10, 42).toISOString();
    act(() => fake.emit('sync.status', { state: 'offline', lastSyncedAt: null, offlineSince: since, pendingWrites: 2 }));
    expect(screen.getByText('Offline sinds 10:42')).toBeTruthy();
    expect(screen.getByText('2 berichten wachten op verzending')).toBeTruthy();
  });

  it('goes back to the login screen when the session ends', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Privé genoeg')] });
    await timelineReady();
    await screen.findByText('Privé genoeg');
    act(() => fake.emit('session.changed', { state: 'loggedOut', mode: 'workstation', badgeReader: null, theme: null, online: true }));
    expect(await screen.findByLabelText('Personeelsnummer')).toBeTruthy();
    expect(screen.queryByText('Privé genoeg')).toBeNull();
  });

  it('opens a person card when the author is tapped', async () => {
    renderApp({ loggedIn: true, posts: [post('Ik ben er weer!')] });
    await timelineReady();
    fireEvent.click(within(await screen.findByRole('article')).getByRole('button', { name: 'Anna de Vries' }));
    const dialog = await screen.findByRole('dialog', { name: 'Anna de Vries' });
    expect(within(dialog).getByText('Locatie Lindenhof')).toBeTruthy();
    expect(within(dialog).getByText('Ik ben er weer!')).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
