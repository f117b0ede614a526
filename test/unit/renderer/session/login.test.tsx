// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetApp } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

function fillIn(employeeNumber: string, password: string) {
  fireEvent.change(screen.getByLabelText('Personeelsnummer'), { target: { value: employeeNumber } });
  fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('login screen', () => {
  it('shows the organisation name and the two labelled fields', async () => {
    renderApp();
    expect(await screen.findByLabelText('Personeelsnummer')).toBeTruthy();
    expect(screen.getByLabelText('Wachtwoord').getAttribute('type')).toBe('password');
    expect(screen.getByText('LINDE')).toBeTruthy();
  });

  it('says in Dutch that the employee number or password is wrong', async () => {
    const fake = renderApp();
    await screen.findByLabelText('Personeelsnummer');
    fillIn('10234', 'fout');
    const message = await screen.findByText('Personeelsnummer of wachtwoord klopt niet.');
    expect(message.getAttribute('role')).toBe('alert');
    expect(fake.callsTo('session.loginPassword')).toEqual([{ employeeNumber: '10234', password: 'fout' }]);
    expect((screen.getByLabelText('Wachtwoord') as HTMLInputElement).value).toBe('');
  });

  it('asks for empty fields without bothering main', async () => {
    const fake = renderApp();
    await screen.findByLabelText('Personeelsnummer');
    fillIn('', '');
    expect(await screen.findByText('Vul je personeelsnummer in.')).toBeTruthy();
    expect(screen.getByText('Vul je wachtwoord in.')).toBeTruthy();
    expect(fake.callsTo('session.loginPassword')).toEqual([]);
  });

  it('opens the timeline after a good login', async () => {
    renderApp();
    await screen.findByLabelText('Personeelsnummer');
    fillIn(' 10234 ', 'geheim');
    expect(await screen.findByRole('heading', { level: 1, name: 'Tijdlijn' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
  });
});

describe('language', () => {
  afterEach(() => fireEvent.click(screen.queryByRole('button', { name: 'Nederlands' }) ?? document.body));

  it('switches the whole screen to English with one tap, and back', async () => {
    renderApp();
    await screen.findByLabelText('Personeelsnummer');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByLabelText('Employee number')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByLabelText('Personeelsnummer')).toBeTruthy();
  });
});
