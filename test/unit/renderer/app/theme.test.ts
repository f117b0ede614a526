// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyTheme } from '../../../../renderer/src/app/theme/applyTheme.js';
import { contrastRatio, parseHexColor } from '../../../../renderer/src/app/theme/contrast.js';

const theme = (primaryColor: string) => ({ organisationName: 'Zorggroep', intranetName: 'JOOST', primaryColor, accentColor: '#000', logoUrl: null });

describe('organisation theme', () => {
  it('uses the organisation colour as accent and names the window after the intranet', () => {
    applyTheme(theme('#7a1f5c'));
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--accent')).toBe('#7a1f5c');
    expect(style.getPropertyValue('--accent-ink')).toBe('#ffffff');
    expect(style.getPropertyValue('--accent-text')).toBe('#7a1f5c');
    expect(document.title).toBe('JOOST');
  });

  it('keeps a light colour readable: dark text on it, and darker links on white', () => {
    applyTheme(theme('#f2b705'));
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--accent-ink')).not.toBe('#ffffff');
    const link = parseHexColor(style.getPropertyValue('--accent-text'))!;
    expect(contrastRatio(link, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });

  it('falls back to a calm default when the colour cannot be read', () => {
    applyTheme(theme('rood'));
    expect(document.documentElement.style.getPropertyValue('--accent')).toBe('#0b6e6e');
    applyTheme(null);
    expect(document.title).toBe('Samen');
  });
});
