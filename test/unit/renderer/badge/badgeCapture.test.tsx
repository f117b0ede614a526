// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FATIMA_BADGE, post } from '../../../fixtures/renderer/fakeSamen.js';
import { keydown, takeSentKeys, tapBadge, typeLikeAPerson, wait, withFakeTimers } from '../../../fixtures/renderer/keys.js';
import { reloads, renderApp, resetApp, timelineReady } from '../../../fixtures/renderer/renderApp.js';

afterEach(resetApp);

const OTHER_BADGE = '7A7B7C7D7E';

function composer(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: 'Wat wil je delen?' }) as HTMLTextAreaElement;
}

async function loggedInOnAWard() {
  const fake = renderApp({ mode: 'shared', loggedIn: true, posts: [post('Overdracht om 15:00')] });
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
});
