// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput, Result } from '../../../../common/src/ipc/contract.js';
import { post } from '../../../fixtures/renderer/fakeSamen.js';
import { renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const owed = { state: 'owed' as const, laterCount: 0, laterLimit: 3, waiting: false };

describe('"lezen verplicht" on a card', () => {
  it('carries a band and one "Gelezen" that confirms at once, before main answers', async () => {
    const must = post('Nieuw protocol handhygiëne', { myRead: owed });
    const fake = renderApp({ loggedIn: true, posts: [must, post('Lunch op het dakterras')] });
    let answer: (r: Result<MethodOutput<'readConfirmations.confirm'>>) => void = () => {};
    fake.handlers['readConfirmations.confirm'] = () => new Promise((resolve) => (answer = resolve));
    await timelineReady();

    const card = (await screen.findByText(/handhygiëne/)).closest('article')!;
    expect(within(card).getByText('Lezen verplicht')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Gelezen' })).toHaveLength(1);
    fireEvent.click(within(card).getByRole('button', { name: 'Gelezen' }));
    expect(within(card).getByText('Gelezen — wordt verstuurd')).toBeTruthy();
    expect(fake.callsTo('readConfirmations.confirm')).toEqual([{ id: must.id }]);

    await act(async () => answer({ ok: true, value: { ...must, myRead: { ...owed, state: 'confirmed', waiting: true } } }));
    expect(within(card).queryByRole('button', { name: 'Gelezen' })).toBeNull();
  });

  it('goes back to "lezen verplicht" and says why when main refuses', async () => {
    const fake = renderApp({ loggedIn: true, posts: [post('Brandoefening', { myRead: owed })] });
    fake.handlers['readConfirmations.confirm'] = () => ({ ok: false, error: { code: 'not_logged_in', message: 'gone' } });
    await timelineReady();
    fireEvent.click(await screen.findByRole('button', { name: 'Gelezen' }));
    expect(await screen.findByRole('button', { name: 'Gelezen' })).toBeTruthy();
    expect(screen.queryByText(/wordt verstuurd/)).toBeNull();
  });

  it('says how many colleagues saw a post, never who', async () => {
    renderApp({ loggedIn: true, posts: [post('Kerstborrel vrijdag', { viewCount: 12 })] });
    await timelineReady();
    expect(await screen.findByText('Gezien door 12 collega’s')).toBeTruthy();
  });
});

describe('"Eerst lezen" after a tap-in on a shared PC', () => {
  it('shows her unconfirmed posts one at a time, then the timeline', async () => {
    const first = post('Eerste: nieuwe werkwijze medicatie', { myRead: owed });
    const second = post('Tweede: valpreventie', { myRead: { ...owed, laterCount: 3 } });
    const fake = renderApp({ loggedIn: true, mode: 'shared', posts: [first, second, post('Gewoon bericht')] });
    expect(await screen.findByRole('heading', { name: 'Eerst even lezen (2)' })).toBeTruthy();
    expect(screen.queryByRole('feed')).toBeNull();
    expect(screen.getByText(/Eerste: nieuwe werkwijze/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(await screen.findByRole('heading', { name: 'Eerst even lezen (1)' })).toBeTruthy();
    // Put off as often as allowed: only "Gelezen" is left.
    expect(screen.getByRole('button', { name: 'Later' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Later kan niet meer: lees het nu even.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gelezen' }));
    await timelineReady();
    expect(await screen.findByRole('feed')).toBeTruthy();
    expect(fake.callsTo('readConfirmations.later')).toEqual([{ id: first.id }]);
    expect(fake.callsTo('readConfirmations.confirm')).toEqual([{ id: second.id }]);
  });

  it('goes straight to the timeline when there is nothing to read', async () => {
    renderApp({ loggedIn: true, mode: 'shared', posts: [post('Gewoon bericht')] });
    await timelineReady();
    expect(await screen.findByRole('feed')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Eerst even lezen/ })).toBeNull();
  });
});

describe('the editor’s report', () => {
  const report = (confirmed: number): MethodOutput<'readConfirmations.report'> => ({
    postId: '01890000-0000-7000-8000-00000000aa01',
    excerpt: 'Nieuw protocol handhygiëne',
    requirement: { audience: { everyone: true, locationIds: [], departmentIds: [], groupIds: [] }, markedAt: '2025-03-01T09:00:00.000Z', markedBy: '01890000-0000-7000-8000-00000000bb01', confirmedCount: confirmed },
    audience: 3,
    confirmed,
    byDepartment: [{ id: '01890000-0000-7000-8000-00000000cc01', name: 'Afdeling 3B', audience: 3, confirmed }],
    byLocation: [{ id: null, name: '', audience: 3, confirmed }],
    unconfirmed: [
      { personId: '01890000-0000-7000-8000-00000000dd01', name: '=HYPERLINK("x")', jobTitle: 'Verpleegkundige', departmentName: 'Afdeling 3B', locationName: null, laterCount: 2 },
      ...(confirmed === 0 ? [{ personId: '01890000-0000-7000-8000-00000000dd02', name: 'Bram Jansen', jobTitle: 'Verzorgende IG', departmentName: 'Afdeling 3B', locationName: null, laterCount: 0 }] : []),
    ],
    unconfirmedTotal: 3 - confirmed,
    remindedAt: null,
    generatedAt: '2025-03-03T09:00:00.000Z',
  });

  it('follows confirmations live, and reminds exactly those who have not read it after she says so', async () => {
    const fake = renderApp({ loggedIn: true, editor: true });
    let confirmed = 0;
    fake.handlers['readConfirmations.report'] = () => ({ ok: true, value: report(confirmed) });
    fake.handlers['readConfirmations.remind'] = () => ({ ok: true, value: { reminded: 2 } });
    await timelineReady();
    window.location.hash = '#/lezen-verplicht/01890000-0000-7000-8000-00000000aa01';

    expect(await screen.findByText('0 van 3 gelezen')).toBeTruthy();
    const table = screen.getByTestId('read-unconfirmed');
    // A name that looks like a formula is shown as text.
    expect(within(table).getByText('=HYPERLINK("x")')).toBeTruthy();
    expect(within(table).getByText('Bram Jansen')).toBeTruthy();

    confirmed = 1;
    act(() => fake.emit('timeline.changed', { postIds: ['01890000-0000-7000-8000-00000000aa01'] }));
    expect(await screen.findByText('1 van 3 gelezen')).toBeTruthy();
    expect(within(screen.getByTestId('read-unconfirmed')).queryByText('Bram Jansen')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Herinnering sturen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Herinnering sturen?' });
    expect(fake.callsTo('readConfirmations.remind')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, stuur de herinnering' }));
    expect(await screen.findByText('Herinnering gestuurd naar 2 collega’s.')).toBeTruthy();
    expect(fake.callsTo('readConfirmations.remind')).toEqual([{ id: '01890000-0000-7000-8000-00000000aa01' }]);
  });
});
