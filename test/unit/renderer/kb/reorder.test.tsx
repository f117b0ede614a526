// @vitest-environment jsdom
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

async function editTree() {
  const fake = renderApp({ loggedIn: true, editor: true });
  await timelineReady();
  window.location.hash = '#/kb';
  fireEvent.click(await screen.findByRole('button', { name: 'Indelen en bewerken' }));
  return fake;
}

const section = (name: string) => screen.getByRole('region', { name });
const pageTitles = (name: string) => within(section(name)).getAllByRole('listitem').map((li) => li.querySelector('.kb-page-link')?.textContent);
const sectionTitles = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent).filter((t) => t === 'Personeelszaken' || t === 'Rooster en planning');

/** jsdom has no DataTransfer: the tree only writes the dragged id into it. */
function drag(from: Element, to: Element) {
  const dataTransfer = { setData: () => undefined };
  fireEvent(from, Object.assign(createEvent.dragStart(from), { dataTransfer }));
  fireEvent.dragOver(to);
  fireEvent.drop(to);
}

describe('an editor reorders the knowledge-base tree', () => {
  it('moves a page one place with a button the keyboard reaches, and cannot move the first one further up', async () => {
    const fake = await editTree();
    expect(pageTitles('Personeelszaken')).toEqual(['Salaris en betaaldata', 'Verlof aanvragen']);
    expect(screen.getByRole('button', { name: 'Salaris en betaaldata een plaats omhoog' }).hasAttribute('disabled')).toBe(true);

    // A real button: Tab reaches it and Enter or Space presses it.
    const down = screen.getByRole('button', { name: 'Salaris en betaaldata een plaats omlaag' });
    expect(down.tagName).toBe('BUTTON');
    fireEvent.click(down);

    await waitFor(() => expect(pageTitles('Personeelszaken')).toEqual(['Verlof aanvragen', 'Salaris en betaaldata']));
    expect(fake.callsTo('kb.move')).toEqual([{ kind: 'page', id: fake.kb.salary.id, parentId: fake.kb.sections[0]!.id, position: 1 }]);
  });

  it('drops a page on another to take its place, once, and a page on another section into that section', async () => {
    const fake = await editTree();
    const [salary, leave, swap] = fake.kb.pages;
    const row = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;

    drag(row('Verlof aanvragen'), row('Salaris en betaaldata'));
    await waitFor(() => expect(pageTitles('Personeelszaken')).toEqual(['Verlof aanvragen', 'Salaris en betaaldata']));
    expect(fake.callsTo('kb.move')).toEqual([{ kind: 'page', id: leave!.id, parentId: salary!.sectionId, position: 0 }]);

    drag(row('Salaris en betaaldata'), row('Diensten ruilen'));
    await waitFor(() => expect(pageTitles('Rooster en planning')).toEqual(['Salaris en betaaldata', 'Diensten ruilen']));
    expect(fake.callsTo('kb.move').at(-1)).toEqual({ kind: 'page', id: salary!.id, parentId: swap!.sectionId, position: 0 });
  });

  it('moves a section with a button the keyboard reaches and by dropping it on a sister section', async () => {
    const fake = await editTree();
    const [hr, roster] = fake.kb.sections;
    expect(sectionTitles()).toEqual(['Personeelszaken', 'Rooster en planning']);

    fireEvent.click(screen.getByRole('button', { name: 'Rooster en planning een plaats omhoog' }));
    await waitFor(() => expect(sectionTitles()).toEqual(['Rooster en planning', 'Personeelszaken']));
    expect(fake.callsTo('kb.move')).toEqual([{ kind: 'section', id: roster!.id, parentId: null, position: 0 }]);

    const head = (name: string) => screen.getByRole('heading', { level: 2, name }).parentElement!;
    drag(head('Personeelszaken'), head('Rooster en planning'));
    await waitFor(() => expect(sectionTitles()).toEqual(['Personeelszaken', 'Rooster en planning']));
    expect(fake.callsTo('kb.move').at(-1)).toEqual({ kind: 'section', id: hr!.id, parentId: null, position: 0 });
  });
});
