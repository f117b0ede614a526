// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

function field(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: 'Wat wil je delen?' }) as HTMLTextAreaElement;
}

function type(text: string) {
  fireEvent.change(field(), { target: { value: text, selectionStart: text.length, selectionEnd: text.length } });
}

function pngFile(name: string): File {
  return new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' });
}

describe('composer', () => {
  it('sends post.create with the typed body and shows the post at once as being sent', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    type('Wie heeft er zin in een **wandeling** na de dienst?');
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsen' }));

    await waitFor(() =>
      expect(fake.callsTo('post.create')).toEqual([{ body: 'Wie heeft er zin in een **wandeling** na de dienst?', images: [] }]),
    );
    const article = await screen.findByRole('article');
    expect(within(article).getByText('wandeling').tagName).toBe('STRONG');
    expect(within(article).getByText('Wordt verstuurd')).toBeTruthy();
    expect(field().value).toBe('');
    expect(await screen.findByText('Gelukt! Je bericht staat erop.')).toBeTruthy();
  });

  it('keeps the text and says what went wrong when main refuses', async () => {
    const fake = renderApp({ loggedIn: true });
    fake.handlers['post.create'] = () => ({ ok: false, error: { code: 'rate_limited', message: 'slow down' } });
    await timelineReady();
    type('Nog een bericht');
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsen' }));
    expect(await screen.findByText(/Te veel pogingen achter elkaar/)).toBeTruthy();
    expect(field().value).toBe('Nog een bericht');
  });

  it('suggests hashtags while typing and puts the chosen one in the text', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    type('Oefening #b');
    const option = await screen.findByRole('option', { name: /#bhv/ });
    expect(fake.callsTo('hashtags.suggest').at(-1)).toMatchObject({ prefix: 'b' });
    fireEvent.click(option);
    expect(field().value).toBe('Oefening #bhv ');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('suggests colleagues after @ and inserts their handle with the keyboard', async () => {
    renderApp({ loggedIn: true });
    await timelineReady();
    type('Dank je @a');
    await screen.findByRole('option', { name: /Anna de Vries/ });
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(field().value).toBe('Dank je @ahmed.bakker ');
  });

  it('attaches photos as base64 with previews, and sends them along', async () => {
    const fake = renderApp({ loggedIn: true });
    await timelineReady();
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [pngFile('taart.png')] } });
    expect(await screen.findByRole('img', { name: 'taart.png' })).toBeTruthy();

    type('Taart!');
    // Not without the privacy confirmation: she is told, and the tick gets the focus.
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsen' }));
    expect(await screen.findByText(/Vink eerst aan/)).toBeTruthy();
    const consent = screen.getByRole('checkbox', { name: /hebben toestemming gegeven/ });
    expect(document.activeElement).toBe(consent);
    expect(fake.callsTo('post.create')).toEqual([]);
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'Plaatsen' }));
    await waitFor(() => expect(fake.callsTo('post.create')).toHaveLength(1));
    expect(fake.callsTo('post.create')[0]).toEqual({ body: 'Taart!', images: [{ name: 'taart.png', mime: 'image/png', base64: 'iVBORw==' }], photoConsent: true });
  });

  it('refuses files that are not photos and stops at ten photos', async () => {
    renderApp({ loggedIn: true });
    await timelineReady();
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['x'], 'rooster.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('Dit bestand is geen foto. Kies een JPG, PNG, WebP of GIF.')).toBeTruthy();

    fireEvent.change(input, { target: { files: Array.from({ length: 11 }, (_, i) => pngFile(`foto${i}.png`)) } });
    expect(await screen.findByText("Je kunt maximaal 10 foto's toevoegen.")).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('list', { name: "Foto's bij je bericht" })).getAllByRole('img')).toHaveLength(10));
    expect(screen.getByRole('button', { name: 'Foto toevoegen' }).hasAttribute('disabled')).toBe(true);
  });
});
