// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localInputValue } from '../../../../renderer/src/features/scheduling/scheduleTime.js';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  resetApp();
  window.location.hash = '';
});

const HOUR = 3_600_000;

function type(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Wat wil je delen?' }), { target: { value: text, selectionStart: text.length, selectionEnd: text.length } });
}

describe('Later plaatsen', () => {
  it('plans a post at the chosen moment: it goes to "Gepland", not into the timeline', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    type('Dinsdag koffie met de nieuwe collega’s');
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    const at = new Date(Date.now() + 26 * HOUR);
    at.setSeconds(0, 0);
    fireEvent.change(screen.getByLabelText('Plaatsen op'), { target: { value: localInputValue(at) } });
    fireEvent.click(screen.getByRole('button', { name: 'Inplannen' }));

    await waitFor(() => expect(fake.callsTo('post.create')).toEqual([{ body: 'Dinsdag koffie met de nieuwe collega’s', images: [], publishAt: at.toISOString() }]));
    expect(await screen.findByText(/^Gepland voor .*Je vindt het onder Gepland\.$/)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByLabelText('Plaatsen op')).toBeNull();
  });

  it('refuses a moment in the past with a Dutch message and keeps the text', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    type('Te laat gepland');
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    fireEvent.change(screen.getByLabelText('Plaatsen op'), { target: { value: localInputValue(new Date(Date.now() - HOUR)) } });
    fireEvent.click(screen.getByRole('button', { name: 'Inplannen' }));
    expect(await screen.findByText('Dat moment is al voorbij. Kies een moment in de toekomst.')).toBeTruthy();
    expect(fake.callsTo('post.create')).toEqual([]);
    expect((screen.getByRole('textbox', { name: 'Wat wil je delen?' }) as HTMLTextAreaElement).value).toBe('Te laat gepland');
  });

  it('offers the organisation’s busiest two hours and fills in the next one', async () => {
    renderApp({ loggedIn: true, bestTime: { weekday: 2, fromHour: 14, toHour: 16 } });
    await timelineReady();
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    expect(await screen.findByText('Tip: dinsdag tussen 14 en 16 uur lezen de meeste collega’s mee.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dat moment kiezen' }));
    const chosen = new Date((screen.getByLabelText('Plaatsen op') as HTMLInputElement).value);
    expect([chosen.getDay(), chosen.getHours(), chosen.getMinutes()]).toEqual([2, 14, 0]);
    expect(chosen.getTime()).toBeGreaterThan(Date.now());
    expect(chosen.getTime()).toBeLessThanOrEqual(Date.now() + 7 * 24 * HOUR);
  });

  it('gives editors an end date, and nobody else', async () => {
    renderApp({ loggedIn: true });
    await timelineReady();
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    expect(screen.queryByLabelText('Van de tijdlijn halen op (mag leeg)')).toBeNull();
    resetApp();
    renderApp({ loggedIn: true, editor: true });
    await timelineReady();
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    expect(screen.getByLabelText('Van de tijdlijn halen op (mag leeg)')).toBeTruthy();
  });
});

describe('an end date', () => {
  it('lets an editor give a post she places now an end date', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    await timelineReady();
    type('Inschrijven voor de kerstborrel kan tot vrijdag');
    fireEvent.click(screen.getByRole('button', { name: 'Later plaatsen' }));
    const end = new Date(Date.now() + 72 * HOUR);
    end.setSeconds(0, 0);
    fireEvent.change(screen.getByLabelText('Van de tijdlijn halen op (mag leeg)'), { target: { value: localInputValue(end) } });
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsen' }));
    await waitFor(() => expect(fake.callsTo('post.create')).toEqual([{ body: 'Inschrijven voor de kerstborrel kan tot vrijdag', images: [], endsAt: end.toISOString() }]));
    expect(await screen.findByText('Gelukt! Je bericht staat erop.')).toBeTruthy();
  });
});

describe('Gepland', () => {
  it('lists planned posts soonest first and takes one back', async () => {
    const later = post('Kerstdiner aanmelden', { scheduledFor: new Date(Date.now() + 48 * HOUR).toISOString() });
    const sooner = post('Nieuwe roosterplanning', { scheduledFor: new Date(Date.now() + 2 * HOUR).toISOString() });
    later.createdAt = later.scheduledFor!;
    sooner.createdAt = sooner.scheduledFor!;
    const fake = renderApp({ loggedIn: true, scheduled: [later, sooner] });
    window.location.hash = '#/gepland';
    const list = await screen.findByRole('list', { name: 'Geplande berichten' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((c) => within(c).getByText(/Kerstdiner|roosterplanning/).textContent)).toEqual(['Nieuwe roosterplanning', 'Kerstdiner aanmelden']);
    fireEvent.click(within(cards[0]!).getByRole('button', { name: 'Niet plaatsen' }));
    expect(await screen.findByText('Gelukt! Dit bericht wordt niet geplaatst.')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Geplande berichten' })).getAllByRole('article')).toHaveLength(1));
    expect(fake.callsTo('post.unschedule')).toEqual([{ id: sooner.id }]);
  });

  it('says so when it cannot reach the server', async () => {
    renderApp({ loggedIn: true, online: false });
    window.location.hash = '#/gepland';
    expect(await screen.findByText('Geen verbinding — je ziet alleen wat op deze computer klaarstaat.')).toBeTruthy();
    expect(screen.getByText('Je hebt niets gepland staan.')).toBeTruthy();
  });
});
