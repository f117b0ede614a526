// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';
import { useCategories } from '../../../../renderer/src/features/categories/categoryStore.js';

afterEach(() => {
  resetApp();
  useCategories.setState({ items: [] });
  window.location.hash = '';
});

const categories = [
  { tag: 'tip', colour: '#1f6f5c' },
  { tag: 'vraag', colour: '#1f5f8b' },
];

describe('categories', () => {
  it('offers the categories in the composer and adds the chosen one to the text', async () => {
    renderApp({ loggedIn: true, categories });
    await timelineReady();
    const field = screen.getByRole('textbox', { name: 'Wat wil je delen?' }) as HTMLTextAreaElement;
    fireEvent.change(field, { target: { value: 'Handschoenen liggen nu in kast 3', selectionStart: 32, selectionEnd: 32 } });
    const picker = await screen.findByRole('group', { name: 'Categorie:' });
    fireEvent.click(within(picker).getByRole('button', { name: '#tip' }));
    expect(field.value).toBe('Handschoenen liggen nu in kast 3 #tip ');
    expect(within(picker).getByRole('button', { name: '#tip' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(picker).getByRole('button', { name: '#vraag' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('filters the timeline with one tap on a category and shows a category in a post as a coloured chip', async () => {
    renderApp({ loggedIn: true, categories, posts: [post('Zet de bedhekken altijd omhoog #tip #valpreventie'), post('Wie weet waar de tillift staat? #vraag')] });
    await timelineReady();
    const filter = await screen.findByRole('navigation', { name: 'Categorieën' });
    expect(within(filter).getByRole('link', { name: 'Alles' }).getAttribute('aria-current')).toBe('page');
    const tip = within(filter).getByRole('link', { name: '#tip' });
    expect(tip.getAttribute('href')).toBe('#/tag/tip');
    const card = screen.getAllByRole('article').find((a) => a.textContent?.includes('bedhekken'))!;
    const chip = within(card).getByRole('link', { name: '#tip' });
    expect(chip.className).toContain('rich-category');
    expect(chip.style.getPropertyValue('--category')).toBe('#1f6f5c');
    expect(within(card).getByRole('link', { name: '#valpreventie' }).className).not.toContain('rich-category');
    fireEvent.click(tip);
    window.location.hash = '#/tag/tip';
    await waitFor(() => expect(within(screen.getByRole('navigation', { name: 'Categorieën' })).getByRole('link', { name: '#tip' }).getAttribute('aria-current')).toBe('page'));
  });

  it('lets an editor add a category with a colour and save the list', async () => {
    const fake = renderApp({ loggedIn: true, editor: true, categories });
    window.location.hash = '#/categorieen';
    expect(await screen.findByRole('heading', { name: 'Categorieën' })).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Categorie 1') as HTMLInputElement).value).toBe('tip'));
    fireEvent.click(screen.getByRole('button', { name: 'Categorie toevoegen' }));
    fireEvent.change(screen.getByLabelText('Categorie 3'), { target: { value: '#Leermoment' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(fake.callsTo('categories.set')).toHaveLength(1));
    expect((fake.callsTo('categories.set')[0] as { items: { tag: string }[] }).items.map((c) => c.tag)).toEqual(['tip', 'vraag', '#Leermoment']);
    expect(await screen.findByText('Gelukt! De categorieën zijn opgeslagen.')).toBeTruthy();
  });

  it('says what is wrong before saving a list with an empty or double category', async () => {
    const fake = renderApp({ loggedIn: true, editor: true, categories });
    window.location.hash = '#/categorieen';
    await waitFor(() => expect((screen.getByLabelText('Categorie 2') as HTMLInputElement).value).toBe('vraag'));
    fireEvent.change(screen.getByLabelText('Categorie 2'), { target: { value: '#TIP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Elke categorie mag maar één keer voorkomen.')).toBeTruthy();
    expect(fake.callsTo('categories.set')).toEqual([]);
  });

  it('keeps the settings to editors', async () => {
    renderApp({ loggedIn: true, categories });
    window.location.hash = '#/categorieen';
    expect(await screen.findByText('Alleen redacteuren kunnen de categorieën instellen, op hun eigen computer.')).toBeTruthy();
  });
});
