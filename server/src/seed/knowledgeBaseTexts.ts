/**
 * The shape of the demo knowledge base's texts, and small helpers to write them. The texts themselves
 * live in knowledgeBase<Subject>.ts, one file per part of the tree; each is a function of the
 * organisation, so pages name its own locations, departments and intranet.
 */

/** Who keeps a page right: a colleague of this department (the first that exists, else P&O). */
export type OwnerDepartment = 'hr' | 'planning' | 'quality' | 'ict' | 'facility' | 'comms' | 'finance' | 'kitchen' | 'technical' | 'volunteers';

export interface KbPageText {
  title: string;
  /** Markdown in the page dialect; `[tekst](page:@Titel)` links to the page with that title. */
  body: string;
  /** Overrides the section's owner department. */
  owner?: OwnerDepartment;
}

export interface KbSectionText {
  title: string;
  owner: OwnerDepartment;
  pages: KbPageText[];
  sections?: KbSectionText[];
}

/** What the texts may mention of the organisation they are written for. */
export interface KbOrganisation {
  /** The year of the seed's "today": dates in the texts (pay days, holidays) are of this year. */
  year: number;
  name: string;
  intranetName: string;
  locations: { name: string; house: string; city: string; kind: 'main' | 'care' | 'homecare' }[];
  /** Central departments that exist in this organisation, by key. */
  departments: ReadonlySet<string>;
}

/**
 * A link to another page of the demo, by its title, encoded so a title with parentheses cannot end the
 * link early; writeKnowledgeBase turns it into `page:<id>`.
 */
export const pageLink = (text: string, title: string) => `[${text}](page:@${encodeURIComponent(title).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;

/** A markdown bullet list. */
export const bullets = (items: readonly string[]) => items.map((i) => `- ${i}`).join('\n');

/** A markdown numbered list. */
export const steps = (items: readonly string[]) => items.map((i, n) => `${n + 1}. ${i}`).join('\n');

/** A markdown table. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** What a list is headed with on a page that has no heading of its own, by the kind of list. */
const LIST_HEADINGS: [RegExp, string][] = [
  [/^1\. /, '## Zo doe je het'],
  [/^\| /, '## Overzicht'],
  [/^- /, '## Waar let je op?'],
];

/**
 * Blocks of a page, separated by blank lines. Every page is scanned by its headings, so a page
 * written without one gets a heading above its first list.
 */
export function page(...blocks: (string | false | null | undefined)[]): string {
  const kept = blocks.filter((b): b is string => typeof b === 'string' && b !== '');
  if (!kept.some((b) => b.startsWith('## '))) {
    const first = kept.findIndex((b) => LIST_HEADINGS.some(([list]) => list.test(b)));
    if (first !== -1) kept.splice(first, 0, LIST_HEADINGS.find(([list]) => list.test(kept[first]!))![1]);
  }
  return kept.join('\n\n');
}
