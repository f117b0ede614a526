// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PollViewModel } from '../../../../common/src/ipc/pollViews.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

function pollPost(question: string, votes: (number | null)[], over: Partial<PollViewModel> = {}) {
  const p = post(question);
  const voters = votes.reduce<number>((n, v) => n + (v ?? 0), 0);
  p.poll = {
    id: p.id,
    question,
    options: votes.map((v, i) => ({ id: uuidv7(), label: ['Bowlen', 'Escaperoom', 'Sloepvaren'][i]!, votes: v, chosen: false })),
    multiple: false,
    anonymous: false,
    changeable: true,
    showResults: 'always',
    closesAt: null,
    closed: false,
    voters,
    resultsVisible: votes.every((v) => v !== null),
    voted: false,
    votePending: false,
    mayVote: true,
    sending: false,
    ...over,
  };
  return p;
}

const card = (question: string) => screen.getAllByRole('article').find((a) => a.textContent?.includes(question))!;

describe('the poll card', () => {
  it('votes with one tap in a single-choice poll and shows her choice and the counts in words', async () => {
    const p = pollPost('Waar gaat het uitje heen?', [2, 1, 0]);
    const fake = renderApp({ loggedIn: true, posts: [p] });
    await timelineReady();
    const article = card('Waar gaat het uitje heen?');
    expect(within(article).getByText('3 stemmen')).toBeTruthy();
    const escape = within(article).getByRole('radio', { name: /Escaperoom/ });
    expect(escape.textContent).toContain('1 stem · 33%');
    fireEvent.click(escape);
    await waitFor(() => expect(fake.callsTo('poll.vote')).toEqual([{ id: p.id, optionIds: [p.poll!.options[1]!.id] }]));
    await waitFor(() => expect(within(card('Waar gaat het uitje heen?')).getByRole('radio', { name: /Escaperoom/ }).getAttribute('aria-checked')).toBe('true'));
    expect(within(card('Waar gaat het uitje heen?')).getByText('(jouw keuze)')).toBeTruthy();
    expect(within(card('Waar gaat het uitje heen?')).getByRole('radio', { name: /Escaperoom/ }).textContent).toContain('2 stemmen · 50%');
  });

  it('asks for boxes and "Stem" in a multiple-choice poll, sending every box ticked', async () => {
    const p = pollPost('Wat wil je in de pauzeruimte?', [0, 0, 0], { multiple: true });
    const fake = renderApp({ loggedIn: true, posts: [p] });
    await timelineReady();
    const article = card('Wat wil je in de pauzeruimte?');
    const stem = within(article).getByRole('button', { name: 'Stem' }) as HTMLButtonElement;
    expect(stem.disabled).toBe(true);
    fireEvent.click(within(article).getByRole('checkbox', { name: /Bowlen/ }));
    fireEvent.click(within(article).getByRole('checkbox', { name: /Sloepvaren/ }));
    expect(stem.disabled).toBe(false);
    fireEvent.click(stem);
    await waitFor(() => expect(fake.callsTo('poll.vote')).toEqual([{ id: p.id, optionIds: [p.poll!.options[0]!.id, p.poll!.options[2]!.id] }]));
  });

  it('hides the counts until she voted where the poll says so, and tells her when she will see them', async () => {
    renderApp({ loggedIn: true, posts: [pollPost('Hoe druk was je dienst?', [null, null], { showResults: 'after_vote', voters: 9 })] });
    await timelineReady();
    const article = card('Hoe druk was je dienst?');
    expect(within(article).getByText('9 stemmen')).toBeTruthy();
    expect(within(article).getByText('Na je stem zie je de uitslag.')).toBeTruthy();
    expect(within(article).queryByText(/%/)).toBeNull();
  });

  it('shows a closed poll as results only, and marks an anonymous one in words', async () => {
    renderApp({
      loggedIn: true,
      posts: [pollPost('Welke bijscholing?', [3, 1, 0], { closed: true, mayVote: false, anonymous: true, changeable: false, closesAt: '2025-01-01T10:00:00.000Z' })],
    });
    await timelineReady();
    const article = card('Welke bijscholing?');
    expect(within(article).queryAllByRole('radio')).toHaveLength(0);
    expect(within(article).getByText('Gesloten')).toBeTruthy();
    expect(within(article).getByText('Anoniem')).toBeTruthy();
    expect(within(article).getByText('Deze peiling is gesloten. Dit is de uitslag.')).toBeTruthy();
    expect(within(article).getByText('Bowlen').closest('li')!.textContent).toContain('3 stemmen · 75%');
  });

  it('closes by the screen’s clock when the closing time passes, before main says so', async () => {
    renderApp({ loggedIn: true, posts: [pollPost('Soep of salade?', [1, 1, 0], { closesAt: new Date(Date.now() - 3_600_000).toISOString() })] });
    await timelineReady();
    const article = card('Soep of salade?');
    expect(within(article).queryAllByRole('radio')).toHaveLength(0);
    expect(within(article).getByText('Gesloten')).toBeTruthy();
  });

  it('tells her in Dutch why a vote was refused once it reached the server, and shows the poll as it now is', async () => {
    const p = pollPost('Gaan we naar de kerstmarkt?', [0, 1, 0], { voted: true, votePending: true });
    const fake = renderApp({ loggedIn: true, posts: [p] });
    await timelineReady();
    p.poll = { ...p.poll!, closed: true, mayVote: false, voted: false, votePending: false, voters: 0, options: p.poll!.options.map((o) => ({ ...o, votes: 0, chosen: false })) };
    act(() => fake.emit('outbox.rejected', { kind: 'vote', code: 'poll_closed', message: 'closed', preview: 'Gaan we naar de kerstmarkt?' }));
    act(() => fake.emit('timeline.changed', { postIds: [p.id] }));
    expect(await screen.findByText('Je stem bij “Gaan we naar de kerstmarkt?”: Deze peiling is gesloten. Je stem is niet meer meegeteld.')).toBeTruthy();
    await waitFor(() => expect(within(card('Gaan we naar de kerstmarkt?')).getByText('Gesloten')).toBeTruthy());
    expect(within(card('Gaan we naar de kerstmarkt?')).queryByText('(jouw keuze)')).toBeNull();
  });

  it('says a vote waits for the connection, and shows the question as text however hostile', async () => {
    renderApp({ loggedIn: true, posts: [pollPost('<img src=x onerror=alert(1)> Soep?', [0, 1, 0], { voted: true, votePending: true })] });
    await timelineReady();
    const article = card('<img src=x onerror=alert(1)> Soep?');
    expect(within(article).getByText('Je stem wordt verstuurd zodra het kan.')).toBeTruthy();
    expect(article.querySelector('img[src="x"]')).toBeNull();
  });
});
