// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_SETTINGS } from '../../../../common/src/notify/notices.js';
import { setLanguage } from '../../../../renderer/src/ui/i18n/i18n.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => {
  setLanguage('nl');
  resetApp();
});

async function openSettings(mode: 'workstation' | 'shared' = 'workstation') {
  const fake = renderApp({ mode, loggedIn: true });
  await timelineReady();
  fireEvent.click(screen.getByRole('link', { name: 'Meldingen' }));
  // The heading shows at once; the switches once her choices have come from main.
  await screen.findByRole('switch', { name: 'Niet storen' });
  return fake;
}

const settingsPage = () => screen.getByRole('heading', { level: 1, name: 'Meldingen' }).closest('section')!;
const lastSaved = (fake: ReturnType<typeof renderApp>) => fake.callsTo('notices.setSettings').at(-1);

describe('the notification settings on a workstation', () => {
  it('show her current choices as switches', async () => {
    await openSettings();
    expect(screen.getByRole('switch', { name: 'Niet storen' }).getAttribute('aria-checked')).toBe('false');
    for (const name of ['Iemand noemt je', 'Reacties op je berichten', 'Berichten die je moet lezen', 'Herinneringen', 'Aanvragen voor je groepen']) {
      expect(screen.getByRole('switch', { name }).getAttribute('aria-checked')).toBe('true');
    }
    expect(screen.getByRole('switch', { name: 'Stille uren' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.queryByLabelText('Van')).toBeNull();
  });

  it('save "niet storen" and each kind at once, and say so', async () => {
    const fake = await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: 'Niet storen' }));
    await waitFor(() => expect(lastSaved(fake)).toEqual({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true }));
    expect(await screen.findByText('Opgeslagen.')).toBeTruthy();

    fireEvent.click(screen.getByRole('switch', { name: 'Reacties op je berichten' }));
    await waitFor(() => expect(lastSaved(fake)).toEqual({ ...DEFAULT_NOTICE_SETTINGS, doNotDisturb: true, kinds: { ...DEFAULT_NOTICE_SETTINGS.kinds, reply: false } }));
    expect(screen.getByRole('switch', { name: 'Reacties op je berichten' }).getAttribute('aria-checked')).toBe('false');
  });

  it('take quiet hours from and to a time, and refuse two equal times without saving them', async () => {
    const fake = await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: 'Stille uren' }));
    await waitFor(() => expect(lastSaved(fake)).toMatchObject({ quietHours: { from: '22:00', to: '07:00' } }));
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '21:30' } });
    await waitFor(() => expect(lastSaved(fake)).toMatchObject({ quietHours: { from: '21:30', to: '07:00' } }));
    const saves = fake.callsTo('notices.setSettings').length;

    fireEvent.change(screen.getByLabelText('Tot'), { target: { value: '21:30' } });
    expect(within(settingsPage()).getByRole('alert').textContent).toBe('Kies twee verschillende tijden.');
    expect(fake.callsTo('notices.setSettings')).toHaveLength(saves);
    expect(screen.queryByText('Opgeslagen.')).toBeNull();
  });

  it('are kept for her: opened again, they show what she chose', async () => {
    const fake = await openSettings();
    fireEvent.click(screen.getByRole('switch', { name: 'Herinneringen' }));
    await waitFor(() => expect(lastSaved(fake)).toMatchObject({ kinds: { reminder: false } }));
    act(() => {
      window.location.hash = '#/';
    });
    await timelineReady();
    fireEvent.click(screen.getByRole('link', { name: 'Meldingen' }));
    const reminder = await screen.findByRole('switch', { name: 'Herinneringen' });
    expect(reminder.getAttribute('aria-checked')).toBe('false');
  });

  it('put a switch back and say why when saving failed', async () => {
    const fake = await openSettings();
    fake.handlers['notices.setSettings'] = () => ({ ok: false, error: { code: 'not_logged_in', message: 'not logged in' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Niet storen' }));
    const alert = await within(settingsPage()).findByRole('alert');
    expect(alert.textContent).toBe('Niet opgeslagen. Je bent uitgelogd. Log opnieuw in.');
    expect(screen.getByRole('switch', { name: 'Niet storen' }).getAttribute('aria-checked')).toBe('false');
  });

  it('speak English when she chose it', async () => {
    await openSettings();
    act(() => setLanguage('en'));
    const page = screen.getByRole('heading', { level: 1, name: 'Notifications' }).closest('section')!;
    expect(within(page).getByRole('switch', { name: 'Do not disturb' })).toBeTruthy();
    expect(within(page).getByRole('switch', { name: 'Someone mentions you' })).toBeTruthy();
  });
});

describe('on a shared PC', () => {
  it('there is no link to notification settings: nothing goes to the operating system there', async () => {
    renderApp({ mode: 'shared', loggedIn: true });
    await timelineReady();
    expect(screen.queryByRole('link', { name: 'Meldingen' })).toBeNull();
  });
});
