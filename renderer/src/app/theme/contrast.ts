/**
 * WCAG contrast arithmetic, so any organisation colour can be the accent: text on it turns dark
 * or white, and links in it darken until they are readable on white.
 */
type Rgb = [number, number, number];

export function parseHexColor(value: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 24, 39];

/** White or near-black, whichever reads better on the given background. */
export function inkOn(background: Rgb): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? '#ffffff' : toHex(INK);
}

/** The colour itself if it reaches `ratio` on white, else the same hue darkened just enough. */
export function darkenForWhite(color: Rgb, ratio = 4.5): Rgb {
  let current = color;
  for (let step = 0; step < 40 && contrastRatio(current, WHITE) < ratio; step++) {
    current = current.map((c) => c * 0.93) as Rgb;
  }
  return current;
}
