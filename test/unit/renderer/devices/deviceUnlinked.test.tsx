// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tapBadge, withFakeTimers } from '../../../fixtures/renderer/keys.js';
import { renderApp, resetApp } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

async function unlinkedScreen() {
  return screen.findByRole('heading', { level: 1, name: 'Dit apparaat is niet (meer) gekoppeld.' });
}

describe('device not (or no longer) linked', () => {
  it('asks for a link code and links the device with it', async () => {
    const fake = renderApp({ mode: 'shared', unlinked: 'not_enrolled' });
    await unlinkedScreen();
    expect(screen.getByText('Vraag de beheerder om een koppelcode en vul die hieronder in.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Koppelcode'), { target: { value: 'FOUT-0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect(await screen.findByText('Deze koppelcode klopt niet, is al gebruikt of is verlopen. Vraag de beheerder om een nieuwe.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Koppelcode'), { target: { value: ' KOP-4821 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' })).toBeTruthy();
    expect(fake.callsTo('device.enrol')).toEqual([{ code: 'FOUT-0000' }, { code: 'KOP-4821' }]);
  });

  it('says the administrator unlinked it', async () => {
    renderApp({ mode: 'shared', unlinked: 'revoked' });
    await unlinkedScreen();
    expect(screen.getByText('Het apparaat is ontkoppeld door de beheerder. Vraag een nieuwe koppelcode.')).toBeTruthy();
  });

  it('asks for the code before bothering main', async () => {
    const fake = renderApp({ mode: 'shared', unlinked: 'not_enrolled' });
    await unlinkedScreen();
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect(await screen.findByText('Vul de koppelcode in.')).toBeTruthy();
    expect(fake.callsTo('device.enrol')).toEqual([]);
  });

  it('does not type a badge tapped into the link code field, nor try to log in with it', async () => {
    const fake = renderApp({ mode: 'shared', unlinked: 'not_enrolled' });
    await unlinkedScreen();
    const field = screen.getByLabelText('Koppelcode') as HTMLInputElement;
    field.focus();
    await withFakeTimers(() => tapBadge('04A1B2C3D4'));
    expect(field.value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([]);
  });
});
