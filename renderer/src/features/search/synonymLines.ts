import type { SynonymEntry } from '../../../../common/src/search/synonyms';

/** The synonym list as editors edit it: one line per word, "loon = salaris, loonstrook". */
export const synonymLines = (items: readonly SynonymEntry[]): string => items.map((e) => `${e.term} = ${e.synonyms.join(', ')}`).join('\n');

const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]{0,39}$/u;

/** Reads the lines back; blank lines are skipped, and lines that are not "word = word, word" are reported. */
export function parseSynonymLines(text: string): { items: SynonymEntry[]; bad: string[] } {
  const items: SynonymEntry[] = [];
  const bad: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const [term, rest, ...extra] = line.split('=').map((s) => s.trim());
    const synonyms = (rest ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!term || extra.length > 0 || !WORD.test(term) || synonyms.length === 0 || synonyms.length > 10 || !synonyms.every((s) => WORD.test(s))) bad.push(line);
    else items.push({ term, synonyms });
  }
  return { items, bad };
}
