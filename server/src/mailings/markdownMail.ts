import { parseMarkdown, parsePageMarkdown, type PageBlock, type PageInline } from '../../../common/src/text/markdown.js';

/**
 * Posts and pages as mail: the same markdown subset the client renders, parsed by the same code, so
 * nothing a post says can become markup. Every piece of text is escaped here; links are kept only
 * when they are plainly http(s) (the parser also allows mailto, which a mailing has no use for), and
 * a page's links to other pages become links into the intranet.
 */

export interface MailLinks {
  /** The intranet address of a page, for `[tekst](page:<id>)`. */
  page(pageId: string): string;
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));

const LINK_STYLE = 'color:inherit;text-decoration:underline;';

function mailHref(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

function inlineHtml(tokens: PageInline[], links: MailLinks): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'text':
          return escapeHtml(t.text);
        case 'hashtag':
        case 'mention':
          return escapeHtml(t.text);
        case 'break':
          return '<br>';
        case 'bold':
          return `<strong>${inlineHtml(t.children, links)}</strong>`;
        case 'italic':
          return `<em>${inlineHtml(t.children, links)}</em>`;
        case 'link': {
          const href = mailHref(t.href);
          const label = inlineHtml(t.children, links);
          return href ? `<a href="${escapeHtml(href)}" style="${LINK_STYLE}">${label}</a>` : label;
        }
        case 'pageLink':
          return `<a href="${escapeHtml(links.page(t.pageId))}" style="${LINK_STYLE}">${inlineHtml(t.children, links)}</a>`;
      }
    })
    .join('');
}

function inlineText(tokens: PageInline[], links: MailLinks): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'text':
        case 'hashtag':
        case 'mention':
          return t.text;
        case 'break':
          return '\n';
        case 'bold':
        case 'italic':
          return inlineText(t.children, links);
        case 'link': {
          const label = inlineText(t.children, links);
          const href = mailHref(t.href);
          return href && href !== label ? `${label} (${href})` : label;
        }
        case 'pageLink':
          return `${inlineText(t.children, links)} (${links.page(t.pageId)})`;
      }
    })
    .join('');
}

const P = 'margin:0 0 12px 0;';

function blocksHtml(blocks: PageBlock[], links: MailLinks): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p style="${P}">${inlineHtml(b.children, links)}</p>`;
        case 'heading':
          return `<p style="${P}font-weight:bold;font-size:${b.level === 1 ? 18 : 16}px;">${inlineHtml(b.children, links)}</p>`;
        case 'list':
          return `<ul style="${P}padding-left:20px;">${b.items.map((i) => `<li>${inlineHtml(i, links)}</li>`).join('')}</ul>`;
        case 'orderedList':
          return `<ol start="${b.start}" style="${P}padding-left:20px;">${b.items.map((i) => `<li>${inlineHtml(i, links)}</li>`).join('')}</ol>`;
        case 'table': {
          const cell = (tag: 'th' | 'td', c: PageInline[]) => `<${tag} style="border:1px solid #ccc;padding:4px;text-align:left;">${inlineHtml(c, links)}</${tag}>`;
          const head = `<tr>${b.header.map((c) => cell('th', c)).join('')}</tr>`;
          return `<table role="presentation" style="${P}border-collapse:collapse;">${head}${b.rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('')}</table>`;
        }
      }
    })
    .join('');
}

function blocksText(blocks: PageBlock[], links: MailLinks): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
          return inlineText(b.children, links);
        case 'list':
          return b.items.map((i) => `- ${inlineText(i, links)}`).join('\n');
        case 'orderedList':
          return b.items.map((i, n) => `${b.start + n}. ${inlineText(i, links)}`).join('\n');
        case 'table':
          return [b.header, ...b.rows].map((r) => r.map((c) => inlineText(c, links)).join(' | ')).join('\n');
      }
    })
    .join('\n\n');
}

export interface MailText {
  html: string;
  text: string;
}

/** A post's (or the introduction's) body. */
export function postMail(body: string, links: MailLinks): MailText {
  const blocks = parseMarkdown(body);
  return { html: blocksHtml(blocks, links), text: blocksText(blocks, links) };
}

/**
 * A page's beginning: its first `maxBlocks` blocks, so a mailing stays short; `more` says whether
 * there is more to read in the intranet.
 */
export function pageMail(body: string, links: MailLinks, maxBlocks: number): MailText & { more: boolean } {
  const blocks = parsePageMarkdown(body);
  const shown = blocks.slice(0, maxBlocks);
  return { html: blocksHtml(shown, links), text: blocksText(shown, links), more: blocks.length > shown.length };
}
