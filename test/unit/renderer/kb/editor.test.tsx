// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

async function editSalary(online = true) {
  const fake = renderApp({ loggedIn: true, editor: true, online });
  await timelineReady();
  window.location.hash = `#/kb/edit/${fake.kb.salary.id}`;
  const text = await screen.findByLabelText('Tekst');
  return { fake, text, preview: screen.getByRole('region', { name: 'Zo ziet het eruit' }) };
}

describe('the page editor', () => {
  it('shows the page as readers will see it while the editor types, markup as text', async () => {
    const { text, preview } = await editSalary();
    fireEvent.change(text, { target: { value: '# Wanneer?\n\nRond de **23e**.\n\n| Maand | Dag |\n|---|---|\n| mei | 22 |\n\n<script>alert(1)</script>' } });

    expect(within(preview).getByRole('heading', { level: 2, name: 'Wanneer?' })).toBeTruthy();
    expect(within(preview).getByText('23e').tagName).toBe('STRONG');
    expect(within(preview).getAllByRole('cell').map((c) => c.textContent)).toEqual(['mei', '22']);
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.textContent).toContain('<script>alert(1)</script>');
  });

  it('saves the new text and opens the page', async () => {
    const { fake, text } = await editSalary();
    fireEvent.change(text, { target: { value: 'Het salaris komt op de 23e.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    await waitFor(() => expect(window.location.hash).toBe(`#/kb/page/${fake.kb.salary.id}`));
    expect(fake.callsTo('kb.savePage')).toEqual([expect.objectContaining({ id: fake.kb.salary.id, title: 'Salaris en betaaldata', body: 'Het salaris komt op de 23e.' })]);
  });

  it('keeps the text and says in Dutch that editing needs a connection when there is none', async () => {
    const { fake, text } = await editSalary(false);
    fireEvent.change(text, { target: { value: 'Nieuwe tekst' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));

    expect(await screen.findByText('Geen verbinding — bewerken kan alleen online. Lezen kan wel.')).toBeTruthy();
    expect((screen.getByLabelText('Tekst') as HTMLTextAreaElement).value).toBe('Nieuwe tekst');
    expect(window.location.hash).toBe(`#/kb/edit/${fake.kb.salary.id}`);
  });
});
