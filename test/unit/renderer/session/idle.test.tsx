// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loggedOut } from '../../../fixtures/renderer/fakeSamen.js';
import { wait, withFakeTimers } from '../../../fixtures/renderer/keys.js';
import { reloads, renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

describe('idle countdown', () => {
  it('shows "Je wordt zo uitgelogd" with the seconds, and "Ik ben er nog" tells main she is there', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    await withFakeTimers(() => {
      act(() => fake.emit('session.idleWarning', { secondsLeft: 15 }));
      const sheet = screen.getByRole('alertdialog', { name: 'Je wordt zo uitgelogd' });
      expect(sheet.textContent).toContain('15');
      expect(sheet.textContent).toContain('seconden');
      wait(3_000);
      expect(sheet.textContent).toContain('12');
      // The big button has the focus: Enter or Space is enough.
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ik ben er nog' }));
    });
    const before = fake.callsTo('session.activity').length;
    fireEvent.click(screen.getByRole('button', { name: 'Ik ben er nog' }));
    expect(fake.callsTo('session.activity')).toHaveLength(before + 1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('goes away when main says she is active again', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    act(() => fake.emit('session.idleWarning', { secondsLeft: 10 }));
    expect(screen.getByRole('alertdialog', { name: 'Je wordt zo uitgelogd' })).toBeTruthy();
    act(() => fake.emit('session.idleWarning', { secondsLeft: null }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks main to lock when the countdown ran out and main did not', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    await withFakeTimers(async () => {
      act(() => fake.emit('session.idleWarning', { secondsLeft: 2 }));
      wait(3_500);
      await act(async () => {});
    });
    await waitFor(() => expect(fake.callsTo('session.lock')).toEqual([{}]));
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expect(reloads).toHaveBeenCalledTimes(1);
  });

  it('is not shown to nobody', async () => {
    const fake = renderApp({ mode: 'shared' });
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    act(() => fake.emit('session.idleWarning', { secondsLeft: 15 }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('activity', () => {
  it('tells main about taps and keys at most every 5 seconds, the last one included', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    await withFakeTimers(() => {
      const main = document.querySelector('main')!;
      fireEvent.pointerDown(main);
      fireEvent.keyDown(main, { key: 'Shift', code: 'ShiftLeft' });
      fireEvent.wheel(main);
      wait(1_000);
      fireEvent.touchStart(main);
      expect(fake.callsTo('session.activity')).toHaveLength(1);
      wait(4_000);
      expect(fake.callsTo('session.activity')).toHaveLength(2);
      wait(10_000);
      expect(fake.callsTo('session.activity')).toHaveLength(2);
    });
  });

  it('says nothing while nobody is logged in', async () => {
    const fake = renderApp({ mode: 'shared' });
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    fireEvent.pointerDown(document.body);
    expect(fake.callsTo('session.activity')).toEqual([]);
    act(() => fake.emit('session.changed', loggedOut('shared')));
    expect(reloads).not.toHaveBeenCalled();
  });
});
