/**
 * Finds the #tag or @name being typed just before the caret, and puts a chosen suggestion in its
 * place. Pure, so the composer's fiddliest part is easy to test.
 */
export type Trigger = { kind: '#' | '@'; query: string; start: number; end: number };

const TYPING = /(^|[\s(])([#@])([\p{L}\p{N}_.-]{0,50})$/u;

export function findTrigger(text: string, caret: number): Trigger | null {
  const m = TYPING.exec(text.slice(0, caret));
  if (!m) return null;
  const kind = m[2] as '#' | '@';
  const query = m[3]!;
  // Everyone is a match for an empty name, so people are suggested from the first letter on.
  if (kind === '@' && query === '') return null;
  return { kind, query, start: caret - 1 - query.length, end: caret };
}

export function applySuggestion(text: string, trigger: Trigger, value: string): { text: string; caret: number } {
  const insert = `${trigger.kind}${value} `;
  const rest = text.slice(trigger.end).replace(/^ /, '');
  return { text: text.slice(0, trigger.start) + insert + rest, caret: trigger.start + insert.length };
}
