// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HrImportResult } from '../../../../common/src/api/routes/hrImport.js';
import { renderApp, resetApp } from '../../../fixtures/renderer/renderApp.js';

afterEach(() => resetApp());

const EXPORT = '\uFEFFNaam;Personeelsnummer;Geboortedatum;Datum in dienst\r\nAnna;1001;15-03-1980;01-02-2003\r\nOnbekend;<b>999</b>;01-01-1990;\r\n';
const result = (dryRun: boolean): HrImportResult => ({
  dryRun,
  rows: 2,
  birthdays: 1204,
  hireDates: 1180,
  unchanged: 0,
  changed: [{ line: 2, employeeNumber: '1001', birthday: true, hireDate: true }],
  refused: [{ line: 3, employeeNumber: '<b>999</b>', reason: 'Onbekend personeelsnummer' }],
});

const choose = (text: string, name = 'hr-export.csv') => {
  fireEvent.change(screen.getByLabelText('Kies een bestand'), { target: { files: [new File([text], name, { type: 'text/csv' })] } });
};

describe('HR-gegevens inlezen', () => {
  it('checks the chosen export first, lists the skipped rows with their reason, then reads it in', async () => {
    window.location.hash = '#/hr-gegevens';
    const fake = renderApp({ loggedIn: true, admin: true });
    fake.handlers['hrImport.run'] = ({ dryRun }) => ({ ok: true, value: result(dryRun) });
    await screen.findByRole('heading', { name: 'HR-gegevens inlezen' });
    expect(screen.getByText(/Een lege cel laat de datum die Samen al heeft staan/)).toBeTruthy();
    choose(EXPORT);

    await screen.findByText('1.204 verjaardagen en 1.180 datums in dienst worden bijgewerkt; 1 regel overgeslagen.');
    // Only three columns left the page, and the year of birth not at all.
    expect(fake.callsTo('hrImport.run')).toEqual([
      {
        dryRun: true,
        rows: [
          { line: 2, employeeNumber: '1001', birthday: '15-03', hireDate: '01-02-2003' },
          { line: 3, employeeNumber: '<b>999</b>', birthday: '01-01' },
        ],
      },
    ]);
    const skipped = screen.getByRole('table', { name: 'Overgeslagen regels' });
    expect(within(skipped).getByRole('row', { name: /3 <b>999<\/b> Onbekend personeelsnummer/ })).toBeTruthy();
    expect(document.querySelector('.hr-import b')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    await screen.findByRole('heading', { name: 'hr-export.csv is ingelezen' });
    expect(screen.getByText('1.204 verjaardagen en 1.180 datums in dienst bijgewerkt; 1 regel overgeslagen.')).toBeTruthy();
    expect(fake.callsTo('hrImport.run').map((c) => (c as { dryRun: boolean }).dryRun)).toEqual([true, false]);
  });

  it('says offline that it needs the server, and keeps the file ready for another try', async () => {
    window.location.hash = '#/hr-gegevens';
    const fake = renderApp({ loggedIn: true, admin: true });
    await screen.findByRole('heading', { name: 'HR-gegevens inlezen' });
    choose(EXPORT);
    await screen.findByText(/Inlezen kan alleen met verbinding: er is niets veranderd/);
    fake.handlers['hrImport.run'] = ({ dryRun }) => ({ ok: true, value: result(dryRun) });
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('button', { name: 'Inlezen' });
    const calls = fake.callsTo('hrImport.run');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
  });

  it('tells what is wrong with a file that is no HR export, before anything is sent', async () => {
    window.location.hash = '#/hr-gegevens';
    const fake = renderApp({ loggedIn: true, admin: true });
    await screen.findByRole('heading', { name: 'HR-gegevens inlezen' });
    choose('Naam;Geboortedatum\nAnna;01-01\n');
    await screen.findByText(/Geen kolom Personeelsnummer gevonden/);
    expect(fake.callsTo('hrImport.run')).toEqual([]);
  });

  it('is for admins only', async () => {
    window.location.hash = '#/hr-gegevens';
    renderApp({ loggedIn: true, editor: true });
    await screen.findByText('Alleen een beheerder kan HR-gegevens inlezen.');
    expect(screen.queryByLabelText('Kies een bestand')).toBeNull();
  });
});

describe('the kiosks page', () => {
  it('leads an admin to the HR import, and an editor not', async () => {
    window.location.hash = '#/kiosks';
    const fake = renderApp({ loggedIn: true, admin: true });
    fake.handlers['kiosks.list'] = () => ({ ok: true, value: { items: [], locations: [] } });
    expect((await screen.findByRole('link', { name: 'HR-gegevens inlezen' })).getAttribute('href')).toBe('#/hr-gegevens');
    resetApp();
    window.location.hash = '#/kiosks';
    const other = renderApp({ loggedIn: true, editor: true });
    other.handlers['kiosks.list'] = () => ({ ok: true, value: { items: [], locations: [] } });
    await screen.findByRole('heading', { name: 'Kiosks' });
    expect(screen.queryByRole('link', { name: 'HR-gegevens inlezen' })).toBeNull();
  });
});
