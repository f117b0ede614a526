// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useAppState } from '../../../../renderer/src/app/sessionStore.js';
import { usePersonCard } from '../../../../renderer/src/features/people/personCardStore.js';
import { useComments } from '../../../../renderer/src/features/timeline/commentsStore.js';
import { useTimeline } from '../../../../renderer/src/features/timeline/timelineStore.js';
import { useToasts } from '../../../../renderer/src/ui/toast/toastStore.js';
import { author, comment, FATIMA_PIN, loggedInAs, loggedOut, me, post } from '../../../fixtures/renderer/fakeSamen.js';
import { tapBadge, withFakeTimers } from '../../../fixtures/renderer/keys.js';
import { reloads, renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const privatePost = post('Privé: de overdracht van kamer 12', { commentCount: 1 });
const privateComment = comment(privatePost.id, 'Ik neem kamer 12 over');

async function fatimaOnAWard() {
  const fake = renderApp({ mode: 'shared', loggedIn: true, posts: [privatePost], comments: [privateComment] });
  await timelineReady();
  await screen.findByText('Ik neem kamer 12 over');
  // A person card open and a message on screen: both must go too.
  fireEvent.click(screen.getAllByRole('button', { name: 'Anna de Vries' })[0]!);
  await screen.findByRole('dialog', { name: 'Anna de Vries' });
  return fake;
}

function expectNothingOfHers() {
  const text = document.body.textContent ?? '';
  for (const trace of ['de overdracht van kamer 12', 'Ik neem kamer 12 over', me.name, 'Locatie Lindenhof']) expect(text).not.toContain(trace);
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(useTimeline.getState().byId).toEqual({});
  expect(useTimeline.getState().feedIds).toEqual([]);
  expect(useComments.getState()).toEqual({});
  expect(usePersonCard.getState().personId).toBeNull();
  expect(useToasts.getState().toasts).toEqual([]);
  expect(useAppState.getState().sync).toBeNull();
}

describe('lock, logout and switch', () => {
  it('empties every store when main locks, leaves nothing of hers in the DOM and reloads the app’s root', async () => {
    const fake = await fatimaOnAWard();
    window.location.hash = `#/post/${privatePost.id}`;
    act(() => fake.emit('session.changed', loggedOut('shared')));

    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expectNothingOfHers();
    expect(reloads).toHaveBeenCalledTimes(1);
    // The root, without the route: after the reload there is no way back to her post.
    expect(reloads).toHaveBeenCalledWith('http://localhost:3000/');
  });

  it('does the same when someone else takes over at once', async () => {
    const fake = await fatimaOnAWard();
    act(() => fake.emit('session.changed', loggedInAs('shared', { ...me, id: author('Bram Visser').id, name: 'Bram Visser' })));
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expectNothingOfHers();
    expect(reloads).toHaveBeenCalledTimes(1);
  });

  it('locks with the "Vergrendelen" button on a shared PC', async () => {
    const fake = await fatimaOnAWard();
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Uitloggen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Vergrendelen' }));
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expect(fake.callsTo('session.lock')).toEqual([{}]);
    expectNothingOfHers();
    expect(reloads).toHaveBeenCalledTimes(1);
  });

  it('keeps "Uitloggen" and the password login on a personal workstation', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true, posts: [privatePost] });
    await timelineReady();
    expect(screen.queryByRole('button', { name: 'Vergrendelen' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByLabelText('Wachtwoord')).toBeTruthy();
    expect(fake.callsTo('session.logout')).toEqual([{}]);
    expect(document.body.textContent).not.toContain('de overdracht van kamer 12');
    expect(reloads).toHaveBeenCalledTimes(1);
  });

  it('hides her screen at once when another badge needs a PIN, and reloads only once that PIN is in', async () => {
    const fake = await fatimaOnAWard();
    const bram = { ...me, id: author('Bram Visser').id, name: 'Bram Visser' };
    fake.handlers['session.badge'] = ({ pin }) => {
      if (pin === FATIMA_PIN) return { ok: true, value: loggedInAs('shared', bram) };
      // Like main: her session ends first (and says so), then Bram's badge needs his PIN.
      fake.emit('session.changed', loggedOut('shared'));
      return { ok: false, error: { code: 'pin_required', message: 'pin' } };
    };
    await withFakeTimers(() => tapBadge('5B5B5B5B5B'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Vul je pincode in' })).toBeTruthy();
    expectNothingOfHers();
    // The reload waits: it would take the tapped badge's codes with it.
    expect(reloads).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Pincode'), { target: { value: FATIMA_PIN } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(reloads).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('session.badge')).toHaveLength(2);
  });

  it('locks her session when the next person walks away from the PIN question', async () => {
    const fake = await fatimaOnAWard();
    // This time main leaves her logged in until the PIN is known.
    fake.handlers['session.badge'] = () => ({ ok: false, error: { code: 'pin_required', message: 'pin' } });
    await withFakeTimers(() => tapBadge('5B5B5B5B5B'));
    await screen.findByRole('heading', { level: 1, name: 'Vul je pincode in' });
    expectNothingOfHers();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(fake.callsTo('session.lock')).toEqual([{}]));
    await waitFor(() => expect(reloads).toHaveBeenCalledTimes(1));
  });

  it('keeps the link question on screen when an unknown badge is tapped while she is logged in', async () => {
    const fake = await fatimaOnAWard();
    // Main ends her session (a switch) before it learns the badge is unknown.
    fake.handlers['session.badge'] = () => {
      fake.emit('session.changed', loggedOut('shared'));
      return { ok: false, error: { code: 'unknown_badge', message: 'unknown' } };
    };
    await withFakeTimers(() => tapBadge('5B5B5B5B5B'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Je pas koppelen' })).toBeTruthy();
    expectNothingOfHers();
    expect(reloads).not.toHaveBeenCalled();
    // Back to the tap face: now the page may start afresh.
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(reloads).toHaveBeenCalledTimes(1));
  });
});
