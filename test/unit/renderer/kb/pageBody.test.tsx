// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PageBody } from '../../../../renderer/src/features/kb/PageBody';

afterEach(cleanup);

const known = '01950000-0000-7000-8000-000000000001';
const unknown = '01950000-0000-7000-8000-000000000002';

describe('a knowledge-base page body', () => {
  it('reads as an article: headings under the title, a numbered list, a table with column headers', () => {
    const { container } = render(
      <PageBody source={'# Wanneer?\n\nHet salaris komt rond de **23e**.\n\n## Uitzonderingen\n\n3. December\n4. *Januari*\n\n| Maand | Dag |\n|---|---|\n| mei | 22 |'} linkedTitles={{}} />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Wanneer?' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Uitzonderingen' })).toBeTruthy();
    expect(container.querySelector('strong')?.textContent).toBe('23e');
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(container.querySelector('ol em')?.textContent).toBe('Januari');
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Maand', 'Dag']);
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['mei', '22']);
  });

  it('opens a page it knows inside the knowledge base, keeps one it does not know as text, and web links in a new window', () => {
    render(<PageBody source={`Zie [Verlof](page:${known}), [Oud](page:${unknown}) en [de cao](https://cao.example/zorg).`} linkedTitles={{ [known]: 'Verlof aanvragen' }} />);
    expect(screen.getByRole('link', { name: 'Verlof' }).getAttribute('href')).toBe(`#/kb/page/${known}`);
    expect(screen.queryByRole('link', { name: 'Oud' })).toBeNull();
    expect(screen.getByText(/Oud/)).toBeTruthy();
    const web = screen.getByRole('link', { name: 'de cao' });
    expect(web.getAttribute('target')).toBe('_blank');
    expect(web.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows markup, hashtags and mentions in a page as the characters they are', () => {
    const { container } = render(<PageBody source={'Bel <img src=x onerror=alert(1)> #ict of @piet.jansen'} linkedTitles={{}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a, button')).toBeNull();
    expect(container.textContent).toBe('Bel <img src=x onerror=alert(1)> #ict of @piet.jansen');
  });
});
