// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

describe('the conversation starter in the composer', () => {
  it('offers the current question while the composer is empty, with a link to its comments', async () => {
    const question = post('Welke kleine overwinning heb jij vandaag behaald?', { conversationStarter: true });
    renderApp({ loggedIn: true, posts: [question] });
    await timelineReady();
    const composer = screen.getByRole('region', { name: 'Nieuw bericht' });
    const answer = await within(composer).findByRole('link', { name: /^Reageer/ });
    expect(composer.textContent).toContain('Vraag van de week: Welke kleine overwinning heb jij vandaag behaald?');
    expect(answer.getAttribute('href')).toBe(`#/post/${question.id}`);

    fireEvent.change(within(composer).getByRole('textbox', { name: 'Wat wil je delen?' }), { target: { value: 'Iets anders' } });
    expect(within(composer).queryByRole('link', { name: /^Reageer/ })).toBeNull();
  });

  it('offers nothing when there is no current question', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Gewoon een bericht')] });
    await timelineReady();
    // Asked, and its answer landed: only then does the absence say anything.
    await waitFor(() => expect(fake.callsTo('starters.current')).not.toHaveLength(0));
    await act(async () => {});
    expect(within(screen.getByRole('region', { name: 'Nieuw bericht' })).queryByText(/Vraag van de week/)).toBeNull();
  });
});
