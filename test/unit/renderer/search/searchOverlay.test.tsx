// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupView } from '../../../../common/src/ipc/groupViews.js';
import { uuidv7 } from '../../../../common/src/ids.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const walking: GroupView = {
  id: uuidv7(),
  name: 'Wandelclub Zuid',
  description: 'Elke dinsdag na de vroege dienst een rondje park.',
  kind: 'informal',
  visibility: 'open',
  memberCount: 12,
  coverUrl: null,
  archived: false,
  managedBy: null,
  myRole: null,
  showInTimeline: false,
  muted: false,
  newPosts: 0,
  requested: false,
  sending: false,
};

describe('the search box', () => {
  it('opens the group page when she picks a group among the results', async () => {
    const fake = renderApp({ loggedIn: true, groups: [walking] });
    fake.handlers['search.local'] = async ({ q }) => ({
      ok: true,
      value: { results: q.trim() ? [{ kind: 'group', id: walking.id, title: walking.name, titleHighlights: [{ start: 0, end: 6 }], snippet: walking.description, highlights: [] }] : [] },
    });
    await timelineReady();

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(await screen.findByRole('combobox'), { target: { value: 'wandel' } });
    const option = await screen.findByRole('option', { name: /Wandelclub Zuid/ });
    // What she typed is marked in the result's title, as text.
    expect([...option.querySelectorAll('.search-result-title mark')].map((m) => m.textContent)).toEqual(['Wandel']);
    fireEvent.click(option);

    await waitFor(() => expect(window.location.hash).toBe(`#/group/${walking.id}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'Wandelclub Zuid' })).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
