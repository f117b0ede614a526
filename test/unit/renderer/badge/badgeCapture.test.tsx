// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FATIMA_BADGE, post, type FakeOptions } from '../../../fixtures/renderer/fakeSamen.js';
import {
  codeFor,
  keydown,
  deliverReaderKeys,
  pressAsAReader,
  pressAsAReaderWhileBusy,
  readerKeys,
  takeSentKeys,
  tapBadge,
  typeLikeAPerson,
  wait,
  withFakeTimers,
} from '../../../fixtures/renderer/keys.js';
import { reloads, renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const OTHER_BADGE = '7A7B7C7D7E';
const UNREADABLE = 'Pas niet goed gelezen. Tik hem nog een keer.';
const codesOf = (badgeId: string) => [...badgeId].map(codeFor);

function composer(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: 'Wat wil je delen?' }) as HTMLTextAreaElement;
}

async function loggedInOnAWard(badgeReader: FakeOptions['badgeReader'] = {}) {
  const fake = renderApp({ mode: 'shared', loggedIn: true, posts: [post('Overdracht om 15:00')], badgeReader });
  await timelineReady();
  // Another badge than hers: main would switch; here it answers that nothing changed.
  fake.handlers['session.badge'] = () => ({ ok: true, value: fake.session() });
  return fake;
}

describe('badge reader on a shared PC', () => {
  it('never types a badge tapped while the composer has the focus, and hands its codes to main', async () => {
    const fake = await loggedInOnAWard();
    fireEvent.change(composer(), { target: { value: 'Wie neemt ', selectionStart: 10, selectionEnd: 10 } });
    composer().focus();
    const seenByField: string[] = [];
    composer().addEventListener('keydown', (e) => seenByField.push(e.code));
    takeSentKeys();
    const codes = await withFakeTimers(() => tapBadge(OTHER_BADGE));
    expect(composer().value).toBe('Wie neemt ');
    // No key reached the field or its handlers, and none kept its default action (typing it).
    expect(seenByField).toEqual([]);
    expect(takeSentKeys().every((e) => e.defaultPrevented)).toBe(true);
    expect(fake.callsTo('session.badge')).toEqual([{ codes }]);
    expect(codes).toEqual(['Digit7', 'KeyA', 'Digit7', 'KeyB', 'Digit7', 'KeyC', 'Digit7', 'KeyD', 'Digit7', 'KeyE']);
  });

  it('lets a person’s typing through unchanged, at 100 ms a key', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    const seenByField: string[] = [];
    composer().addEventListener('keydown', (e) => seenByField.push(e.key));
    await withFakeTimers(() => typeLikeAPerson('Koffie om 10 uur'));
    expect(composer().value).toBe('Koffie om 10 uur');
    // The field's own key handlers (suggestions, Ctrl+Enter) saw every key, in order.
    expect(seenByField.join('')).toBe('Koffie om 10 uur');
    expect(fake.callsTo('session.badge')).toEqual([]);
  });

  it('keeps a fast typist’s rolled keys, in order, and Enter after them', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    await withFakeTimers(() => {
      // "th" rolled within 15 ms, then "e", then Enter 5 ms after the last key.
      keydown('KeyT', 't');
      wait(15);
      keydown('KeyH', 'h');
      wait(90);
      keydown('KeyE', 'e');
      wait(5);
      const enter = keydown('Enter', 'Enter');
      expect(enter.defaultPrevented).toBe(false);
      expect(composer().value).toBe('the');
    });
    expect(fake.callsTo('session.badge')).toEqual([]);
  });

  it('holds a key for at most the reader’s gap before it reaches the field', async () => {
    await loggedInOnAWard();
    composer().focus();
    await withFakeTimers(() => {
      const event = keydown('KeyA', 'a');
      expect(event.defaultPrevented).toBe(true);
      expect(composer().value).toBe('');
      wait(30);
      expect(composer().value).toBe('a');
    });
  });

  it('drops a reader burst without Enter: not typed, not sent', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    await withFakeTimers(() => {
      for (const char of '12345678') {
        keydown(`Digit${char}`, char);
        wait(8);
      }
      wait(200);
    });
    expect(composer().value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([]);
    expect(await screen.findByText('Pas niet goed gelezen. Tik hem nog een keer.')).toBeTruthy();
  });

  it('hears the reader in a comment field too', async () => {
    const fake = await loggedInOnAWard();
    fireEvent.click(screen.getByRole('button', { name: 'Reageer' }));
    const comment = (await screen.findByRole('textbox', { name: 'Je reactie' })) as HTMLTextAreaElement;
    comment.focus();
    await withFakeTimers(() => {
      typeLikeAPerson('Ik kom');
      tapBadge(OTHER_BADGE);
    });
    expect(comment.value).toBe('Ik kom');
    expect(fake.callsTo('session.badge')).toHaveLength(1);
  });

  it('is not listening on a personal workstation', async () => {
    const fake = renderApp({ mode: 'workstation', loggedIn: true });
    await timelineReady();
    composer().focus();
    await withFakeTimers(() => {
      const event = keydown('KeyA', 'a');
      expect(event.defaultPrevented).toBe(false);
      tapBadge(FATIMA_BADGE);
    });
    expect(fake.callsTo('session.badge')).toEqual([]);
  });

  it('logs her out when she taps her own badge, and nothing of hers stays', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true, posts: [post('Alleen voor team De Beuk')] });
    await timelineReady();
    await screen.findByText('Alleen voor team De Beuk');
    await withFakeTimers(() => tapBadge(FATIMA_BADGE));
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expect(fake.callsTo('session.badge')).toHaveLength(1);
    expect(document.body.textContent).not.toContain('Alleen voor team De Beuk');
    expect(reloads).toHaveBeenCalledTimes(1);
  });
  it.each([
    ['Tab', 'tab'],
    ['a line feed (Ctrl+J)', 'lineFeed'],
  ] as const)('never types a reader burst that ends in %s into the composer, and that key goes nowhere either', async (_name, end) => {
    const fake = await loggedInOnAWard();
    fireEvent.change(composer(), { target: { value: 'Wie neemt ', selectionStart: 10, selectionEnd: 10 } });
    composer().focus();
    const seenByField: string[] = [];
    composer().addEventListener('keydown', (e) => seenByField.push(e.code));
    takeSentKeys();
    await withFakeTimers(() => pressAsAReader(readerKeys('04A1B2C3D4', { end }), 5));
    expect(composer().value).toBe('Wie neemt ');
    expect(seenByField.filter((code) => code !== 'ControlLeft')).toEqual([]);
    expect(takeSentKeys().filter((e) => e.code !== 'ControlLeft').every((e) => e.defaultPrevented)).toBe(true);
    expect(document.activeElement).toBe(composer());
    expect(fake.callsTo('session.badge')).toEqual([]);
    expect(await screen.findByText(UNREADABLE)).toBeTruthy();
  });

  it('takes a badge whose keys queued up while the page was busy for one tap, by the keys’ own timestamps', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    // Ten keys and Enter 5 ms apart, handled only after a 300 ms long task, one turn of the event loop apart.
    await withFakeTimers(() => pressAsAReaderWhileBusy(readerKeys(OTHER_BADGE), { busyMs: 300 }));
    expect(composer().value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
    expect(screen.queryByText(UNREADABLE)).toBeNull();
  });

  it('takes a badge for one tap when the browser stalls in the middle of handing its keys over', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    // Stamped 5 ms apart; the first three reach the page at once, the rest 70 ms later.
    await withFakeTimers(() => deliverReaderKeys(readerKeys(OTHER_BADGE), { handledAfter: (i) => (i < 3 ? i * 5 : 70 + i) }));
    expect(composer().value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
    expect(screen.queryByText(UNREADABLE)).toBeNull();
  });

  it('takes a badge for one tap when its keys came in late and the browser then stalls after the second', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    // Queued 50 ms (the page was painting), then 70 ms more between the second key and the third.
    await withFakeTimers(() => deliverReaderKeys(readerKeys(OTHER_BADGE), { handledAfter: (i) => (i < 2 ? 50 + i : 120 + i) }));
    expect(composer().value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
  });

  it('takes a badge for one tap when its keys came in queued and the rest follow 250 ms after the second', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    await withFakeTimers(() => deliverReaderKeys(readerKeys(OTHER_BADGE), { handledAfter: (i) => (i < 2 ? 50 + i : 300 + i) }));
    expect(composer().value).toBe('');
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
  });

  it('never takes the rest of a badge for a badge when the browser hands it over later than the page waits', async () => {
    const fake = await loggedInOnAWard();
    composer().focus();
    // Two keys on time; the other eight and Enter a second later, stamped as the reader typed them.
    await withFakeTimers(() => deliverReaderKeys(readerKeys(OTHER_BADGE), { handledAfter: (i) => (i < 2 ? i : 1_000 + i) }));
    expect(fake.callsTo('session.badge')).toEqual([]);
    expect(await screen.findByText(UNREADABLE)).toBeTruthy();
  });

  it('follows the reader set up in the machine config: Tab ends its reads, and Enter then means a garbled one', async () => {
    const fake = await loggedInOnAWard({ terminator: 'tab' });
    composer().focus();
    await withFakeTimers(() => pressAsAReader(readerKeys(OTHER_BADGE, { end: 'tab' }), 5));
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
    await withFakeTimers(() => pressAsAReader(readerKeys(OTHER_BADGE, { end: 'enter' }), 5));
    expect(fake.callsTo('session.badge')).toHaveLength(1);
    expect(composer().value).toBe('');
    expect(await screen.findByText(UNREADABLE)).toBeTruthy();
  });

  it('takes a pause for the end of a tap from a reader set up to send no terminator', async () => {
    const fake = await loggedInOnAWard({ terminator: 'none' });
    composer().focus();
    await withFakeTimers(() => pressAsAReader(readerKeys(OTHER_BADGE, { end: 'none' }), 5));
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
    expect(composer().value).toBe('');
  });

  it('hears a slow reader with the wider gap the machine config gives it', async () => {
    const fake = await loggedInOnAWard({ maxGapMs: 45 });
    composer().focus();
    await withFakeTimers(() => pressAsAReader(readerKeys(OTHER_BADGE), 40));
    expect(fake.callsTo('session.badge')).toEqual([{ codes: codesOf(OTHER_BADGE) }]);
    expect(composer().value).toBe('');
  });

  it('logs her out when a reader set to AZERTY reads her badge (A on the Q key, digits with Shift)', async () => {
    const fake = renderApp({ mode: 'shared', loggedIn: true, posts: [post('Overdracht om 15:00')], badgeReader: { layout: 'azerty' } });
    await timelineReady();
    await withFakeTimers(() => pressAsAReader(readerKeys(FATIMA_BADGE, { layout: 'azerty' }), 5));
    await screen.findByRole('heading', { level: 1, name: 'Tik je pas op de lezer' });
    expect(fake.callsTo('session.badge')).toEqual([{ codes: ['Digit0', 'Digit4', 'KeyQ', 'Digit1', 'KeyB', 'Digit2', 'KeyC', 'Digit3', 'KeyD', 'Digit4'] }]);
  });
});
