import { hashtagAt } from './hashtags.js';
import { mentionAt } from './mentions.js';
import { charBefore, stickyMatch } from './wordStart.js';

/**
 * The markdown subset people can use in posts and comments, parsed to tokens, and the richer dialect
 * of knowledge-base pages (headings, numbered lists, simple tables, links to other pages). There is
 * no HTML token on purpose: whatever looks like a tag stays text, and the renderer only ever makes
 * elements from these tokens, so a post or a page cannot inject markup or script.
 */

/** Inline tokens, with `Extra` for what only one dialect has (a page's links to other pages). */
export type InlineOf<Extra> =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: InlineOf<Extra>[] }
  | { type: 'italic'; children: InlineOf<Extra>[] }
  | { type: 'link'; href: string; children: InlineOf<Extra>[] }
  | { type: 'hashtag'; tag: string; text: string }
  | { type: 'mention'; handle: string; text: string }
  | { type: 'break' }
  | Extra;

export type Inline = InlineOf<never>;

/** `[tekst](page:<id>)` in a page: a link the renderer opens inside the knowledge base. */
export interface PageLink {
  type: 'pageLink';
  pageId: string;
  children: PageInline[];
}
export type PageInline = InlineOf<PageLink>;

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; items: Inline[][] };

export type PageBlock =
  | { type: 'paragraph'; children: PageInline[] }
  | { type: 'list'; items: PageInline[][] }
  | { type: 'heading'; level: 1 | 2; children: PageInline[] }
  | { type: 'orderedList'; start: number; items: PageInline[][] }
  | { type: 'table'; header: PageInline[][]; rows: PageInline[][][] };

const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+/;
const HEADING = /^(#{1,2})\s+(\S.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/** Posts and comments: paragraphs and bullet lists; `#` always starts a hashtag, never a heading. */
export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source, POST) as Block[];
}

/**
 * Knowledge-base pages: besides paragraphs and bullet lists, `#` and `##` headings, numbered lists
 * (`1.` or `1)`), tables of `| a | b |` rows under a `|---|---|` rule, and `[tekst](page:<id>)`
 * links to other pages. Hashtags and mentions are post things and stay text here.
 */
export function parsePageMarkdown(source: string): PageBlock[] {
  return parseBlocks(source, PAGE);
}

interface Dialect {
  pages: boolean;
}
const POST: Dialect = { pages: false };
const PAGE: Dialect = { pages: true };

function parseBlocks(source: string, dialect: Dialect): PageBlock[] {
  const blocks: PageBlock[] = [];
  const inline = (text: string) => parseSpan(text, { links: true, tags: !dialect.pages, pages: dialect.pages });
  let paragraph: string[] = [];
  let list: string[] = [];
  let numbered: { start: number; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length > 0) {
      blocks.push({ type: 'paragraph', children: paragraph.flatMap((line, i) => (i === 0 ? inline(line) : [{ type: 'break' } as const, ...inline(line)])) });
    }
    paragraph = [];
  };
  const flushLists = () => {
    if (list.length > 0) blocks.push({ type: 'list', items: list.map(inline) });
    if (numbered) blocks.push({ type: 'orderedList', start: numbered.start, items: numbered.items.map(inline) });
    list = [];
    numbered = null;
  };
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = dialect.pages ? HEADING.exec(line) : null;
    const number = dialect.pages ? NUMBERED.exec(line) : null;
    if (line.trim() === '') {
      flushParagraph();
      flushLists();
    } else if (heading) {
      flushParagraph();
      flushLists();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2, children: inline(heading[2]!.trim()) });
    } else if (dialect.pages && TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? '')) {
      flushParagraph();
      flushLists();
      const header = cells(line).map(inline);
      const rows: PageInline[][][] = [];
      for (i += 2; i < lines.length && TABLE_ROW.test(lines[i]!); i++) rows.push(cells(lines[i]!).map(inline));
      i -= 1;
      blocks.push({ type: 'table', header, rows: rows.map((r) => fitRow(r, header.length)) });
    } else if (BULLET.test(line)) {
      flushParagraph();
      if (numbered) flushLists();
      list.push(line.replace(BULLET, ''));
    } else if (number) {
      flushParagraph();
      if (list.length > 0) flushLists();
      numbered ??= { start: Number(number[1]), items: [] };
      numbered.items.push(line.slice(number[0].length));
    } else {
      flushLists();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushLists();
  return blocks;
}

/** The cells of a `| a | b |` row, trimmed. */
function cells(row: string): string[] {
  return row.trim().slice(1, -1).split('|').map((c) => c.trim());
}

/** Every row as wide as the header: missing cells empty, extra cells dropped. */
function fitRow(row: PageInline[][], width: number): PageInline[][] {
  return Array.from({ length: width }, (_, i) => row[i] ?? []);
}

/** What may appear inside a span: links and tags never nest inside links; pages link to pages. */
type Context = { links: boolean; tags: boolean; pages: boolean };

export function parseInline(text: string, context: { links: boolean } = { links: true }): Inline[] {
  // Without `pages` no page link is made, so every token is a post token.
  return parseSpan(text, { links: context.links, tags: context.links, pages: false }) as Inline[];
}

function parseSpan(text: string, context: Context): PageInline[] {
  const out: PageInline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const match = matchAt(text, i, context);
    if (match) {
      flush();
      out.push(match.token);
      i = match.end;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  flush();
  return out;
}

type Match = { token: PageInline; end: number };

function matchAt(text: string, i: number, context: Context): Match | null {
  const ch = text[i];
  if (ch === '*') return matchEmphasis(text, i, context);
  if (!context.links) return null;
  if (ch === '[') return matchLink(text, i, context);
  if (ch === '#' && context.tags) return matchHashtag(text, i);
  if (ch === '@' && context.tags) return matchMention(text, i);
  if (ch === 'h' || ch === 'H') return matchBareUrl(text, i);
  return null;
}

function matchEmphasis(text: string, i: number, context: Context): Match | null {
  const bold = text.startsWith('**', i);
  const marker = bold ? '**' : '*';
  const start = i + marker.length;
  if (start >= text.length || /\s/.test(text[start]!)) return null;
  let close = text.indexOf(marker, start + 1);
  // A single `*` must not close on the first half of a `**`.
  while (!bold && close !== -1 && text[close + 1] === '*') close = text.indexOf(marker, close + 2);
  // In "**a *b***" the last two stars close the bold, the first of the three closes the italic.
  if (bold && close !== -1 && text[close + 2] === '*' && count(text.slice(start, close), '*') % 2 === 1) close += 1;
  if (close === -1 || /\s/.test(text[close - 1]!)) return null;
  const children = parseSpan(text.slice(start, close), context);
  return { token: bold ? { type: 'bold', children } : { type: 'italic', children }, end: close + marker.length };
}

const PAGE_TARGET = /^page:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function matchLink(text: string, i: number, context: Context): Match | null {
  const labelEnd = text.indexOf('](', i + 1);
  if (labelEnd === -1) return null;
  const label = text.slice(i + 1, labelEnd);
  if (label === '' || label.includes('[') || label.includes(']')) return null;
  const targetEnd = closingParen(text, labelEnd + 2);
  if (targetEnd === -1) return null;
  const target = text.slice(labelEnd + 2, targetEnd);
  const children = parseSpan(label, { links: false, tags: false, pages: false });
  const page = context.pages ? PAGE_TARGET.exec(target) : null;
  if (page) return { token: { type: 'pageLink', pageId: page[1]!, children }, end: targetEnd + 1 };
  const href = safeHref(target);
  if (!href) return null;
  return { token: { type: 'link', href, children }, end: targetEnd + 1 };
}

/** Finds the `)` that closes a link target, allowing balanced parentheses inside the URL. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '(') depth += 1;
    else if (text[j] === ')') {
      if (depth === 0) return j;
      depth -= 1;
    }
  }
  return -1;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns the href only when it is plainly an http(s) or mailto URL. Anything with whitespace or
 * control characters is refused, since browsers strip those and "java\tscript:" would pass a naive check.
 */
export function safeHref(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (raw === '' || /[\s\u0000-\u001F\u007F<>"'`]/.test(raw)) return null;
  if (!/^(https?:\/\/[^/]|mailto:[^@]+@)/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? raw : null;
}

/** URLs count only at a word start, as tags do (hashtags.ts, mentions.ts). */
const NOT_BEFORE_URL = /[\p{L}\p{N}_/@.]/u;

function matchHashtag(text: string, i: number): Match | null {
  const found = hashtagAt(text, i);
  return found ? { token: { type: 'hashtag', tag: found.tag, text: found.text }, end: i + found.text.length } : null;
}

function matchMention(text: string, i: number): Match | null {
  const found = mentionAt(text, i);
  return found ? { token: { type: 'mention', handle: found.handle, text: found.text }, end: i + found.text.length } : null;
}

const BARE_URL = /https?:\/\/[^\s<>"'`[\]{}|\\^]+/iy;

function matchBareUrl(text: string, i: number): Match | null {
  if (NOT_BEFORE_URL.test(charBefore(text, i))) return null;
  const m = stickyMatch(BARE_URL, text, i);
  if (!m) return null;
  const raw = trimUrlEnd(m[0]);
  const href = safeHref(raw);
  if (!href) return null;
  return { token: { type: 'link', href, children: [{ type: 'text', text: raw }] }, end: i + raw.length };
}

/** Sentence punctuation after a URL is not part of it; a `)` is, only when the URL opened one. */
function trimUrlEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const kept = url.slice(0, end);
    const last = kept[end - 1]!;
    if (/[.,;:!?*]/.test(last)) end -= 1;
    else if (last === ')' && count(kept, '(') < count(kept, ')')) end -= 1;
    else return kept;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** The words of inline tokens without their markup; `pageLinks: false` leaves out the text of links to other pages. */
export const inlineText = (tokens: PageInline[], options: { pageLinks: boolean } = { pageLinks: true }): string =>
  tokens
    .map((t) =>
      t.type === 'text' || t.type === 'hashtag' || t.type === 'mention'
        ? t.text
        : t.type === 'break'
          ? ' '
          : t.type === 'pageLink' && !options.pageLinks
            ? ''
            : inlineText(t.children, options),
    )
    .join('');

/** The words without the markup, for one-line previews. */
export function plainText(source: string): string {
  return parseMarkdown(source)
    .map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.items.map((item) => inlineText(item)).join(', ')))
    .join(' ');
}

/**
 * A page as text: its headings apart (search weighs them above the body), and the rest without
 * markup. `pageLinks: false` leaves out the text of links to other pages: it names what those pages
 * are about, so search counts it for them, not for the page that links.
 */
export function pageText(source: string, options: { pageLinks: boolean } = { pageLinks: true }): { headings: string[]; body: string } {
  const text = (tokens: PageInline[]) => inlineText(tokens, options);
  const headings: string[] = [];
  const body: string[] = [];
  for (const b of parsePageMarkdown(source)) {
    if (b.type === 'heading') headings.push(text(b.children));
    else if (b.type === 'paragraph') body.push(text(b.children));
    else if (b.type === 'table') body.push([b.header, ...b.rows].map((row) => row.map(text).join(' ')).join('\n'));
    else body.push(b.items.map(text).join('\n'));
  }
  return { headings, body: body.join('\n') };
}
