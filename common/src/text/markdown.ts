import { hashtagAt } from './hashtags.js';
import { mentionAt } from './mentions.js';
import { charBefore, stickyMatch } from './wordStart.js';

/**
 * The markdown subset people can use in posts and comments, parsed to tokens. There is no HTML
 * token on purpose: whatever looks like a tag stays text, and the renderer only ever makes
 * elements from these tokens, so a post cannot inject markup or script.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: Inline[] }
  | { type: 'italic'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'hashtag'; tag: string; text: string }
  | { type: 'mention'; handle: string; text: string }
  | { type: 'break' };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; items: Inline[][] };

const BULLET = /^\s*[-*•]\s+/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length > 0) blocks.push({ type: 'list', items: list.map((item) => parseInline(item)) });
    list = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (BULLET.test(line)) {
      flushParagraph();
      list.push(line.replace(BULLET, ''));
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

function parseLines(lines: string[]): Inline[] {
  return lines.flatMap((line, i) => (i === 0 ? parseInline(line) : [{ type: 'break' } as const, ...parseInline(line)]));
}

/** What may appear inside a span: links and tags never nest inside links. */
type Context = { links: boolean };

export function parseInline(text: string, context: Context = { links: true }): Inline[] {
  const out: Inline[] = [];
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

type Match = { token: Inline; end: number };

function matchAt(text: string, i: number, context: Context): Match | null {
  const ch = text[i];
  if (ch === '*') return matchEmphasis(text, i, context);
  if (!context.links) return null;
  if (ch === '[') return matchLink(text, i);
  if (ch === '#') return matchHashtag(text, i);
  if (ch === '@') return matchMention(text, i);
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
  const children = parseInline(text.slice(start, close), context);
  return { token: bold ? { type: 'bold', children } : { type: 'italic', children }, end: close + marker.length };
}

function matchLink(text: string, i: number): Match | null {
  const labelEnd = text.indexOf('](', i + 1);
  if (labelEnd === -1) return null;
  const label = text.slice(i + 1, labelEnd);
  if (label === '' || label.includes('[') || label.includes(']')) return null;
  const targetEnd = closingParen(text, labelEnd + 2);
  if (targetEnd === -1) return null;
  const href = safeHref(text.slice(labelEnd + 2, targetEnd));
  if (!href) return null;
  return { token: { type: 'link', href, children: parseInline(label, { links: false }) }, end: targetEnd + 1 };
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

/** The words without the markup, for one-line previews. */
export function plainText(source: string): string {
  const inline = (tokens: Inline[]): string =>
    tokens
      .map((t) => (t.type === 'text' || t.type === 'hashtag' || t.type === 'mention' ? t.text : t.type === 'break' ? ' ' : inline(t.children)))
      .join('');
  return parseMarkdown(source)
    .map((b) => (b.type === 'paragraph' ? inline(b.children) : b.items.map(inline).join(', ')))
    .join(' ');
}
