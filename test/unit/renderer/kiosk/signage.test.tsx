// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CURSOR_HIDE_MS } from '../../../../renderer/src/features/kiosk/cursorHider.js';
import { WANTED_MS } from '../../../../renderer/src/features/kiosk/openAfterTap.js';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  vi.useRealTimers();
  resetApp();
});

const posts = [post('Eerste nieuws van de dag'), post('Tweede bericht voor de pauzeruimte')];
const stage = () => screen.getByRole('main', { name: 'Nieuws van je organisatie' });

describe('the kiosk with nobody tapped in', () => {
  it('plays its signage instead of a lock screen, one item at a time, the next when its time is up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp({ mode: 'kiosk', posts });
    await waitFor(() => expect(stage().textContent).toContain('Eerste nieuws van de dag'));
    expect(stage().textContent).not.toContain('Tweede bericht');
    expect(screen.getByText('Tik je pas om te reageren')).toBeTruthy();
    expect(screen.queryByText('Tik je pas op de lezer')).toBeNull();
    // The fake's items stay 12 s each.
    act(() => void vi.advanceTimersByTime(12_000));
    await waitFor(() => expect(stage().textContent).toContain('Tweede bericht voor de pauzeruimte'));
    act(() => void vi.advanceTimersByTime(12_000));
    await waitFor(() => expect(stage().textContent).toContain('Eerste nieuws van de dag'));
  });

  it('fetches its signage again when main says it changed, without a reload', async () => {
    const fake = renderApp({ mode: 'kiosk', posts });
    await waitFor(() => expect(stage()).toBeTruthy());
    const before = fake.callsTo('kiosk.signage').length;
    act(() => fake.emit('kiosk.changed', {}));
    await waitFor(() => expect(fake.callsTo('kiosk.signage').length).toBe(before + 1));
  });

  it('remembers a tapped post for the badge tap that follows, and forgets it when nobody taps in', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp({ mode: 'kiosk', posts });
    await waitFor(() => expect(stage().textContent).toContain('Eerste nieuws van de dag'));
    fireEvent.click(screen.getByText('Eerste nieuws van de dag'));
    expect(window.location.hash).toBe(`#/post/${posts[0]!.id}`);
    expect(screen.getByText('Tik nu je pas om dit bericht te openen')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(WANTED_MS + 10));
    expect(window.location.hash).toBe('');
  });

  it('offers the employee-number login, which goes back to the signage with "Terug"', async () => {
    renderApp({ mode: 'kiosk', posts });
    fireEvent.click(await screen.findByRole('button', { name: 'Met personeelsnummer' }));
    expect(await screen.findByLabelText('Personeelsnummer')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    expect(await screen.findByText('Tik je pas om te reageren')).toBeTruthy();
  });

  it('hides the pointer a few seconds after it last moved, and shows it at the next move', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp({ mode: 'kiosk', posts });
    await waitFor(() => expect(stage()).toBeTruthy());
    const hidden = () => document.documentElement.classList.contains('kiosk-cursor-hidden');
    act(() => void vi.advanceTimersByTime(CURSOR_HIDE_MS + 10));
    expect(hidden()).toBe(true);
    act(() => void window.dispatchEvent(new Event('pointermove')));
    expect(hidden()).toBe(false);
    act(() => void vi.advanceTimersByTime(CURSOR_HIDE_MS + 10));
    expect(hidden()).toBe(true);
  });

  it('leaves the pointer alone on a ward PC', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp({ mode: 'shared' });
    await screen.findByText('Tik je pas op de lezer');
    act(() => void vi.advanceTimersByTime(CURSOR_HIDE_MS + 10));
    expect(document.documentElement.classList.contains('kiosk-cursor-hidden')).toBe(false);
  });
});
