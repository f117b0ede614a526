// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FATIMA_NUMBER, FATIMA_PIN, type DroppedNotice, type StrandedItem } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const hourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
const stranded: StrandedItem[] = [
  { id: 'o1', kind: 'post', preview: 'Wie wil zaterdag ruilen?', createdAt: hourAgo },
  { id: 'o2', kind: 'comment', preview: 'Ik kan wel!', createdAt: hourAgo },
];
const dropped: DroppedNotice[] = [
  { id: 'd1', kind: 'post', createdAt: '2024-12-03T09:30:00.000Z' },
  { id: 'd2', kind: 'post', createdAt: '2024-12-03T11:00:00.000Z' },
  { id: 'd3', kind: 'comment', createdAt: '2024-12-03T10:00:00.000Z' },
];

async function logInWithPin() {
  await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
  fireEvent.click(screen.getByRole('button', { name: 'Of log in met je personeelsnummer' }));
  fireEvent.change(screen.getByLabelText('Personeelsnummer'), { target: { value: FATIMA_NUMBER } });
  fireEvent.change(screen.getByLabelText('Pincode'), { target: { value: FATIMA_PIN } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
  await timelineReady();
}

describe('writes that could not be sent', () => {
  it('are shown after login, and "Versturen" sends them', async () => {
    const fake = renderApp({ mode: 'shared', stranded });
    await logInWithPin();
    const dialog = await screen.findByRole('dialog', { name: 'Je hebt nog 2 niet verstuurde berichten' });
    expect(within(dialog).getByText('Wie wil zaterdag ruilen?')).toBeTruthy();
    expect(within(dialog).getByText('Ik kan wel!')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([{ ids: ['o1', 'o2'], action: 'send' }]);
    expect(await screen.findByText('Gelukt! Je berichten worden verstuurd.')).toBeTruthy();
  });

  it('can be thrown away with "Weggooien"', async () => {
    const fake = renderApp({ mode: 'shared', stranded: stranded.slice(0, 1) });
    await logInWithPin();
    const dialog = await screen.findByRole('dialog', { name: 'Je hebt nog 1 niet verstuurd bericht' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Weggooien' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([{ ids: ['o1'], action: 'discard' }]);
  });

  it('stay queued when the question is closed', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true, stranded });
    await timelineReady();
    await screen.findByRole('dialog', { name: 'Je hebt nog 2 niet verstuurde berichten' });
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([]);
  });

  it('ask nothing when there are none', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    await waitFor(() => expect(fake.callsTo('outbox.stranded')).toEqual([{}]));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('tell, after login, what the PC dropped unsent, by kind and day, and only once', async () => {
    const fake = renderApp({ mode: 'shared', dropped });
    await logInWithPin();
    const dialog = await screen.findByRole('dialog', { name: 'Niet alles is verstuurd' });
    expect(within(dialog).getByText('2 berichten van 3 december konden niet meer worden verstuurd')).toBeTruthy();
    expect(within(dialog).getByText('1 reactie van 3 december kon niet meer worden verstuurd')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Versturen' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Begrepen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([{ ids: ['d1', 'd2', 'd3'], action: 'discard' }]);
  });

  it('tell what was dropped beside what can still be sent; "Versturen" sends those and the notice has been seen', async () => {
    const fake = renderApp({ mode: 'shared', stranded: stranded.slice(0, 1), dropped: dropped.slice(2) });
    await logInWithPin();
    const dialog = await screen.findByRole('dialog', { name: 'Je hebt nog 1 niet verstuurd bericht' });
    expect(within(dialog).getByText('1 reactie van 3 december kon niet meer worden verstuurd')).toBeTruthy();
    expect(within(dialog).getByText('Wie wil zaterdag ruilen?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Versturen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([{ ids: ['o1', 'd3'], action: 'send' }]);
  });

  it('keep the writes still to be sent when closed, but not the notice of what was dropped', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true, stranded: stranded.slice(0, 1), dropped: dropped.slice(2) });
    await timelineReady();
    await screen.findByRole('dialog', { name: 'Je hebt nog 1 niet verstuurd bericht' });
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('outbox.resolve')).toEqual([{ ids: ['d3'], action: 'discard' }]);
  });
});
