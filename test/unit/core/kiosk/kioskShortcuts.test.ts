import { describe, expect, it } from 'vitest';
import { swallowOnKiosk, type KeyInput } from '../../../../main/core/lockdown/kioskShortcuts.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, alt: false, meta: false, shift: false, ...mods });

describe('keys a kiosk swallows', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['F5 (reload)', key('F5')],
    ['F11 (leave full screen)', key('F11')],
    ['F12 (developer tools)', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl++ (zoom)', key('+', { control: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['the browser back key', key('BrowserBack')],
  ])('swallows %s', (_name, input) => {
    expect(swallowOnKiosk(input)).toBe(true);
  });

  it.each([
    ['a letter of a comment', key('h')],
    ['a capital', key('H', { shift: true })],
    ['a digit from the badge reader', key('4')],
    ['the reader\'s Enter', key('Enter')],
    ['the reader\'s Tab', key('Tab')],
    ['Backspace', key('Backspace')],
    ['Escape (closes a dialog)', key('Escape')],
    ['Ctrl+V (paste)', key('v', { control: true })],
    ['Ctrl+Z (undo)', key('z', { control: true })],
    ['Ctrl+Shift+Z (redo)', key('Z', { control: true, shift: true })],
  ])('lets %s through', (_name, input) => {
    expect(swallowOnKiosk(input)).toBe(false);
  });

  it('only looks at key presses, not releases', () => {
    expect(swallowOnKiosk({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});
