// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  resetApp();
  window.location.hash = '';
});

describe('reporting a post', () => {
  it('asks for one of the fixed reasons before it sends, with her own words if she wants', async () => {
    const theirs = post('Mevrouw K. van kamer 12 was vandaag jarig');
    const fake = renderApp({ loggedIn: true, posts: [theirs] });
    await timelineReady();
    const card = screen.getAllByRole('article').find((a) => a.textContent?.includes('kamer 12'))!;
    fireEvent.click(within(card).getByRole('button', { name: 'Melden' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bericht melden' });
    const send = within(dialog).getByRole('button', { name: 'Melding versturen' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    expect(within(dialog).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'Privacy van een cliënt of collega',
      'Ongepast of kwetsend',
      'Onjuiste informatie',
      'Anders',
    ]);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Privacy van een cliënt of collega' }));
    fireEvent.change(within(dialog).getByLabelText('Toelichting (niet verplicht)'), { target: { value: '  Naam en kamernummer  ' } });
    expect(within(dialog).getByText('23 van 500 tekens')).toBeTruthy();
    fireEvent.click(send);
    await waitFor(() => expect(fake.callsTo('moderation.report')).toEqual([{ itemKind: 'post', itemId: theirs.id, reason: 'privacy', note: 'Naam en kamernummer' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('offers no report on her own post, and shows her the reason on a post that was hidden', async () => {
    renderApp({
      loggedIn: true,
      posts: [post('Mijn eigen bericht', { mine: true, moderation: { hiddenAt: '2026-12-01T08:00:00.000Z', reason: 'Er staat een naam van een cliënt in' } })],
    });
    await timelineReady();
    const card = screen.getAllByRole('article').find((a) => a.textContent?.includes('Mijn eigen bericht'))!;
    expect(within(card).queryByRole('button', { name: 'Melden' })).toBeNull();
    expect(within(card).getByRole('note').textContent).toContain('Verborgen door moderatie: Er staat een naam van een cliënt in');
  });
});

describe('the side column', () => {
  it('shows the share of active colleagues and the most-liked post of the month, or says why a figure is missing', async () => {
    const liked = post('Het nieuwe zorgplan is af!');
    renderApp({
      loggedIn: true,
      posts: [liked],
      social: { month: '2026-11', activePercent: 68, mostLiked: { postId: liked.id, excerpt: 'Het nieuwe zorgplan is af!', groupName: null, reactions: 42, author: liked.author }, asOf: '2026-11-20T10:00:00.000Z' },
    });
    await timelineReady();
    const column = await screen.findByRole('region', { name: 'Samen deze maand' });
    expect(within(column).getByText('68 % van je collega’s was deze maand actief')).toBeTruthy();
    const link = within(column).getByRole('link');
    expect(link.getAttribute('href')).toBe(`#/post/${liked.id}`);
    expect(link.textContent).toContain('42 reacties');
    expect(link.textContent).toContain('van Anna de Vries');
    resetApp();

    renderApp({ loggedIn: true, social: { month: '2026-12', activePercent: null, mostLiked: null, asOf: '2026-12-01T10:00:00.000Z' } });
    const quiet = await screen.findByRole('region', { name: 'Samen deze maand' });
    expect(within(quiet).getByText('Hoeveel collega’s actief waren, tonen we vanaf 10 collega’s.')).toBeTruthy();
    expect(within(quiet).getByText('Nog geen bericht met genoeg reacties deze maand.')).toBeTruthy();
  });
});
