// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/ui/i18n/i18n.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  setLanguage('nl');
  resetApp();
});

const postId = '018f0000-0000-7000-8000-0000000000aa';

describe('a notification inside the window', () => {
  it('says who mentioned her, and "Bekijken" opens the post', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('notification', { kind: 'mention', actorName: 'Bram Jansen', postId }));
    const toast = screen.getByText('Bram Jansen noemde je in een bericht');
    expect(toast).toBeTruthy();
    const open = screen.getByRole('link', { name: 'Bekijken' });
    expect(open.getAttribute('href')).toBe(`#/post/${postId}`);
    fireEvent.click(open);
    expect(screen.queryByText('Bram Jansen noemde je in een bericht')).toBeNull();
  });

  it('keeps a hostile name as plain text, and says "Iemand" when the name is unknown', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('notification', { kind: 'read_required', actorName: '<img src=x onerror=alert(1)>', postId }));
    act(() => fake.emit('notification', { kind: 'reminder', actorName: '', postId }));
    expect(screen.getByText('Lezen verplicht: bericht van <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('Herinnering: lees het bericht van Iemand')).toBeTruthy();
    expect(document.querySelector('.toasts img')).toBeNull();
  });

  it('opens the post when she clicked the operating-system notification', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('notification.open', { postId }));
    await waitFor(() => expect(window.location.hash).toBe(`#/post/${postId}`));
  });
});

describe('group notices and refusals', () => {
  const groupId = '018f0000-0000-7000-8000-0000000000bb';

  it('tells a group admin someone asks to join, and "Bekijken" and the desktop notification open the group', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('notification', { kind: 'join_request', actorName: 'Bram Jansen', groupId }));
    expect(screen.getByText('Bram Jansen wil lid worden van je groep')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bekijken' }).getAttribute('href')).toBe(`#/group/${groupId}`);
    act(() => fake.emit('notification.open', { groupId }));
    await waitFor(() => expect(window.location.hash).toBe(`#/group/${groupId}`));
  });

  it('says in Dutch that a join made offline was refused, naming the group and why', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('outbox.rejected', { kind: 'join', code: 'group_archived', message: 'archived', preview: 'Fietsclub' }));
    expect(screen.getByText('Je bent geen lid geworden van “Fietsclub”. Deze groep is gearchiveerd. Je kunt er alleen nog in lezen.')).toBeTruthy();
    act(() => fake.emit('outbox.rejected', { kind: 'leave', code: 'directory_group', message: 'directory', preview: 'Afdeling 3B' }));
    expect(screen.getByText(/^Je hebt “Afdeling 3B” niet verlaten: je bent nog lid\. Deze groep hoort bij je afdeling/)).toBeTruthy();
  });
});

describe('the language main speaks', () => {
  it('follows the language chosen in the window', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    expect(fake.callsTo('app.setLanguage')).toEqual([{ language: 'nl' }]);
    act(() => setLanguage('en'));
    expect(fake.callsTo('app.setLanguage').at(-1)).toEqual({ language: 'en' });
  });
});
