/**
 * What a badge reader's keys mean, per the keyboard layout the reader is set to. A reader types the
 * id as if on a keyboard of that layout, so the same character comes from another physical key
 * (`KeyboardEvent.code`): on AZERTY the hex letter A is the key a US keyboard calls Q, and the digits
 * need Shift (which is skipped anyway). The operating system's own layout does not matter.
 *
 * To add a layout: add its name here with the physical key of each digit and of the letters A to F
 * when a keyboard of that layout types them. The machine-wide config then accepts the name as
 * `badgeReader.layout`, and main decodes taps with it.
 */
type LayoutTable = Readonly<Record<string, string>>;

const DIGITS: LayoutTable = Object.fromEntries(
  [...'0123456789'].flatMap((d) => [
    [`Digit${d}`, d],
    [`Numpad${d}`, d],
  ]),
);

const letters = (codes: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>): LayoutTable =>
  Object.fromEntries(Object.entries(codes).map(([char, code]) => [code, char]));

export const READER_LAYOUTS = {
  us: { ...DIGITS, ...letters({ A: 'KeyA', B: 'KeyB', C: 'KeyC', D: 'KeyD', E: 'KeyE', F: 'KeyF' }) },
  azerty: { ...DIGITS, ...letters({ A: 'KeyQ', B: 'KeyB', C: 'KeyC', D: 'KeyD', E: 'KeyE', F: 'KeyF' }) },
} satisfies Record<string, LayoutTable>;

export type ReaderLayout = keyof typeof READER_LAYOUTS;
export const READER_LAYOUT_NAMES = Object.keys(READER_LAYOUTS) as [ReaderLayout, ...ReaderLayout[]];
