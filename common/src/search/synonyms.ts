import { analyse } from './analyse.js';

/** One line of an organisation's synonym list: searching `term` also finds each of `synonyms`. */
export interface SynonymEntry {
  term: string;
  synonyms: string[];
}

/**
 * What an organisation starts with until its editors change it: the words staff type for what the
 * intranet calls otherwise. One way only ("loon" finds "salaris"); a pair that should work both ways
 * is listed both ways.
 */
export const DEFAULT_SYNONYMS: readonly SynonymEntry[] = [
  { term: 'loon', synonyms: ['salaris'] },
  { term: 'loonstrook', synonyms: ['salarisstrook'] },
  { term: 'salarisstrook', synonyms: ['loonstrook'] },
  { term: 'vrij', synonyms: ['verlof', 'vakantie'] },
  { term: 'vrije', synonyms: ['verlof'] },
  { term: 'vakantie', synonyms: ['verlof'] },
  { term: 'ziek', synonyms: ['ziekmelding', 'verzuim'] },
  { term: 'verzuim', synonyms: ['ziekmelding', 'ziek'] },
  { term: 'planning', synonyms: ['rooster'] },
  { term: 'dienstrooster', synonyms: ['rooster'] },
  { term: 'rooster', synonyms: ['planning'] },
  { term: 'shift', synonyms: ['dienst'] },
  { term: 'covid', synonyms: ['corona'] },
  { term: 'coronavirus', synonyms: ['corona'] },
  { term: 'onkosten', synonyms: ['declaratie', 'vergoeding'] },
  { term: 'bonnetje', synonyms: ['declaratie'] },
  { term: 'password', synonyms: ['wachtwoord'] },
  { term: 'login', synonyms: ['inloggen'] },
  { term: 'laptop', synonyms: ['computer'] },
  { term: 'pc', synonyms: ['computer'] },
  { term: 'printen', synonyms: ['printer'] },
  { term: 'pfzw', synonyms: ['pensioen'] },
  { term: 'arbeidsvoorwaarden', synonyms: ['cao'] },
  { term: 'cao', synonyms: ['arbeidsvoorwaarden'] },
  { term: 'brand', synonyms: ['bhv', 'ontruiming'] },
  { term: 'geweld', synonyms: ['agressie'] },
  { term: 'medicijnen', synonyms: ['medicatie'] },
  { term: 'pillen', synonyms: ['medicatie'] },
  { term: 'incident', synonyms: ['melding', 'mic'] },
  { term: 'dossier', synonyms: ['ecd'] },
  { term: 'studie', synonyms: ['opleiding'] },
  { term: 'training', synonyms: ['opleiding', 'cursus'] },
  { term: 'mobiel', synonyms: ['telefoon'] },
  { term: 'gsm', synonyms: ['telefoon'] },
  { term: 'kilometervergoeding', synonyms: ['reiskosten'] },
  { term: 'zwanger', synonyms: ['zwangerschapsverlof'] },
];

/** A synonym list made ready for queries: analysed term → analysed synonyms. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

/** Analyses both sides once, so a query looks a term up by its stem ("lonen" finds what "loon" finds). */
export function synonymTable(entries: readonly SynonymEntry[]): SynonymTable {
  const table = new Map<string, string[]>();
  for (const entry of entries) {
    const from = analyse(entry.term);
    if (from.length !== 1) continue;
    const to = entry.synonyms.flatMap((s) => analyse(s).map((t) => t.term)).filter((t) => t !== from[0]!.term);
    const known = table.get(from[0]!.term) ?? [];
    table.set(from[0]!.term, [...new Set([...known, ...to])]);
  }
  return table;
}
