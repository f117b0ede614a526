// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FATIMA_BADGE, FATIMA_NUMBER, FATIMA_PIN, loggedInAs, me, post } from '../../../fixtures/renderer/fakeSamen.js';
import { tapBadge, typeLikeAPerson, wait, withFakeTimers } from '../../../fixtures/renderer/keys.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const UNKNOWN_BADGE = '0F0E0D0C0B';

async function lockScreen() {
  return screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
}

function openEmployeeForm() {
  fireEvent.click(screen.getByRole('button', { name: 'Of log in met je personeelsnummer' }));
}

function fillIn(employeeNumber: string, pin: string) {
  fireEvent.change(screen.getByLabelText('Personeelsnummer'), { target: { value: employeeNumber } });
  fireEvent.change(screen.getByLabelText('Pincode'), { target: { value: pin } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('lock screen of a shared ward PC', () => {
  it('asks for a badge tap, in the organisation’s colours, and shows nothing about anyone', async () => {
    renderApp({ mode: 'shared', posts: [post('Rooster week 12 staat klaar')] });
    await lockScreen();
    expect(screen.getByText('LINDE')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Of log in met je personeelsnummer' })).toBeTruthy();
    // Not the workstation's password form.
    expect(screen.queryByLabelText('Wachtwoord')).toBeNull();
    const text = document.body.textContent ?? '';
    for (const personal of [me.name, me.handle, 'Rooster week 12', 'Anna de Vries']) expect(text).not.toContain(personal);
    expect(screen.queryByText('Geen verbinding — je kunt wel lezen')).toBeNull();
  });

  it('offers employee number and PIN: a numeric, hidden PIN field labelled "Pincode"', async () => {
    renderApp({ mode: 'shared' });
    await lockScreen();
    openEmployeeForm();
    const number = screen.getByLabelText('Personeelsnummer');
    const pin = screen.getByLabelText('Pincode');
    expect(pin.getAttribute('type')).toBe('password');
    expect(pin.getAttribute('inputmode')).toBe('numeric');
    expect(pin.getAttribute('maxlength')).toBe('6');
    expect(document.activeElement).toBe(number);
    expect(screen.getByRole('button', { name: 'Inloggen' })).toBeTruthy();
    // Only digits stay in the PIN.
    fireEvent.change(pin, { target: { value: '12a3' } });
    expect((pin as HTMLInputElement).value).toBe('123');
  });

  it('logs in with employee number and PIN and opens the timeline', async () => {
    const fake = renderApp({ mode: 'shared' });
    await lockScreen();
    openEmployeeForm();
    fillIn(` ${FATIMA_NUMBER} `, FATIMA_PIN);
    await timelineReady();
    expect(fake.callsTo('session.pin')).toEqual([{ employeeNumber: FATIMA_NUMBER, pin: FATIMA_PIN, linkPendingBadge: false }]);
  });

  it('says the employee number or PIN is wrong, and empties the PIN', async () => {
    renderApp({ mode: 'shared' });
    await lockScreen();
    openEmployeeForm();
    fillIn(FATIMA_NUMBER, '0000');
    const message = await screen.findByText('Personeelsnummer of pincode klopt niet.');
    expect(message.getAttribute('role')).toBe('alert');
    expect((screen.getByLabelText('Pincode') as HTMLInputElement).value).toBe('');
  });

  it('checks that a PIN has 4 to 6 digits before asking main', async () => {
    const fake = renderApp({ mode: 'shared' });
    await lockScreen();
    openEmployeeForm();
    fillIn('', '12');
    expect(await screen.findByText('Vul je personeelsnummer in.')).toBeTruthy();
    expect(screen.getByText('Een pincode heeft 4 tot 6 cijfers.')).toBeTruthy();
    expect(fake.callsTo('session.pin')).toEqual([]);
  });

  it('logs in with a badge tap', async () => {
    const fake = renderApp({ mode: 'shared' });
    await lockScreen();
    const codes = await withFakeTimers(() => tapBadge(FATIMA_BADGE));
    await timelineReady();
    expect(fake.callsTo('session.badge')).toEqual([{ codes }]);
  });

  it('asks for the PIN when the tap needs one, and sends the same codes again with it', async () => {
    const fake = renderApp({ mode: 'shared' });
    fake.handlers['session.badge'] = ({ pin }) =>
      pin === undefined
        ? { ok: false, error: { code: 'pin_required', message: 'pin' } }
        : pin === FATIMA_PIN
          ? { ok: true, value: loggedInAs('shared') }
          : { ok: false, error: { code: 'invalid_credentials', message: 'wrong pin' } };
    await lockScreen();
    const codes = await withFakeTimers(() => tapBadge(FATIMA_BADGE));
    expect(await screen.findByRole('heading', { level: 1, name: 'Vul je pincode in' })).toBeTruthy();
    expect(screen.queryByLabelText('Personeelsnummer')).toBeNull();

    fireEvent.change(screen.getByLabelText('Pincode'), { target: { value: '1111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText('Deze pincode klopt niet. Probeer het nog een keer.')).toBeTruthy();

    // Typed like a person this time: every digit goes through the badge reader's key capture.
    screen.getByLabelText('Pincode').focus();
    await withFakeTimers(() => typeLikeAPerson(FATIMA_PIN));
    expect((screen.getByLabelText('Pincode') as HTMLInputElement).value).toBe(FATIMA_PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    await timelineReady();
    expect(fake.callsTo('session.badge')).toEqual([{ codes }, { codes, pin: '1111' }, { codes, pin: FATIMA_PIN }]);
    // The badge id was never on screen.
    expect(document.body.textContent).not.toContain(FATIMA_BADGE);
  });

  it('forgets a tapped badge after a minute without its PIN', async () => {
    const fake = renderApp({ mode: 'shared' });
    fake.handlers['session.badge'] = () => ({ ok: false, error: { code: 'pin_required', message: 'pin' } });
    await lockScreen();
    await withFakeTimers(async () => {
      tapBadge(FATIMA_BADGE);
      await act(async () => {});
      expect(screen.getByRole('heading', { level: 1, name: 'Vul je pincode in' })).toBeTruthy();
      // A minute later: the tap face again, and the codes are gone with it.
      wait(60_000);
    });
    await lockScreen();
    expect(screen.queryByLabelText('Pincode')).toBeNull();
  });

  it('offers to link an unknown badge: employee number and PIN, then the badge is linked', async () => {
    const fake = renderApp({ mode: 'shared' });
    await lockScreen();
    await withFakeTimers(() => tapBadge(UNKNOWN_BADGE));
    expect(
      await screen.findByText('Deze pas kennen we nog niet. Log in met je personeelsnummer en pincode om hem te koppelen.'),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Je pas koppelen' })).toBeTruthy();
    fillIn(FATIMA_NUMBER, FATIMA_PIN);
    await timelineReady();
    expect(fake.callsTo('session.pin')).toEqual([{ employeeNumber: FATIMA_NUMBER, pin: FATIMA_PIN, linkPendingBadge: true }]);
    expect(await screen.findByText('Gelukt! Je pas is gekoppeld.')).toBeTruthy();
  });

  it('says until when the PIN is locked, in the ward’s time', async () => {
    const fake = renderApp({ mode: 'shared' });
    // 13:05 UTC on 13 March is 14:05 in Amsterdam.
    fake.handlers['session.pin'] = () => ({ ok: false, error: { code: 'pin_locked', message: 'locked', retryAfter: '2025-03-13T13:05:00.000Z' } });
    await lockScreen();
    openEmployeeForm();
    fillIn(FATIMA_NUMBER, '9999');
    expect(await screen.findByText('Te vaak een verkeerde pincode. Probeer het om 14:05 opnieuw.')).toBeTruthy();
  });

  it('asks for another tap when the reader garbled the badge', async () => {
    const fake = renderApp({ mode: 'shared' });
    fake.handlers['session.badge'] = () => ({ ok: false, error: { code: 'badge_unreadable', message: 'garbled' } });
    await lockScreen();
    await withFakeTimers(() => tapBadge(FATIMA_BADGE));
    expect(await screen.findByText('Pas niet goed gelezen. Tik hem nog een keer.')).toBeTruthy();
  });

  it('offline: says so calmly, shows the timeline read-only, and explains that a tap needs the network', async () => {
    const fake = renderApp({ mode: 'shared', online: false, posts: [post('Kerstborrel vrijdag in de kantine', { likeCount: 3, commentCount: 0 })] });
    await lockScreen();
    expect(screen.getByText('Geen verbinding — je kunt wel lezen')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bekijk de tijdlijn' }));

    const article = await screen.findByRole('article');
    expect(within(article).getByText('Kerstborrel vrijdag in de kantine')).toBeTruthy();
    expect(within(article).getByText('3 keer leuk gevonden')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Wat wil je delen?' })).toBeNull();
    expect(within(article).queryByRole('button')).toBeNull();

    await withFakeTimers(() => tapBadge(FATIMA_BADGE));
    expect(await screen.findByText('Inloggen kan alleen met verbinding.')).toBeTruthy();
    expect(fake.callsTo('session.badge')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
  });

  it('follows main when the network comes back', async () => {
    const fake = renderApp({ mode: 'shared', online: false });
    await lockScreen();
    expect(screen.getByText('Geen verbinding — je kunt wel lezen')).toBeTruthy();
    fake.setOnline(true);
    act(() => fake.emit('session.changed', fake.session()));
    await waitFor(() => expect(screen.queryByText('Geen verbinding — je kunt wel lezen')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Bekijk de tijdlijn' })).toBeNull();
  });

  it('speaks English too', async () => {
    renderApp({ mode: 'shared' });
    await lockScreen();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tap your badge on the reader' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Or log in with your employee number' }));
    expect(screen.getByLabelText('PIN')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByLabelText('Pincode')).toBeTruthy();
  });
});
