/**
 * The mail's HTML made safe to show inside the app. The server already escapes every piece of text;
 * this is the second wall, because a preview runs in the app's own window: only layout tags and
 * attributes survive, nothing can run, links go nowhere and no image loads from outside. The page's
 * Content-Security-Policy refuses style attributes in markup, so each element's inline style comes
 * back separately, for the caller to set through the CSSOM (which that policy allows).
 */
const TAGS = new Set([
  'a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'hr', 'i', 'img', 'li', 'ol', 'p', 'pre', 's',
  'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'u', 'ul',
]);
const ATTRIBUTES = new Set(['align', 'alt', 'border', 'cellpadding', 'cellspacing', 'colspan', 'height', 'role', 'rowspan', 'valign', 'width']);

export interface InertMail {
  /** The body's content, as inert elements of `ownerDocument`. */
  content: DocumentFragment;
  /** Inline styles to set through `element.style.cssText`, by element. */
  styles: Map<Element, string>;
  /** The body's own style (the mail's background and font). */
  bodyStyle: string;
}

/** `logoUrl` stands in for the `cid:` logo a mail program would show; any other image is dropped. */
export function inertMailHtml(html: string, ownerDocument: Document, logoUrl: string | null): InertMail {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const styles = new Map<Element, string>();
  const content = ownerDocument.createDocumentFragment();

  const copy = (from: Node, into: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.appendChild(ownerDocument.createTextNode(child.textContent ?? ''));
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const source = child as Element;
      const tag = source.tagName.toLowerCase();
      if (!TAGS.has(tag)) {
        // An unknown wrapper keeps its text; what cannot hold text worth showing goes entirely.
        if (tag !== 'script' && tag !== 'style' && tag !== 'iframe' && tag !== 'object' && tag !== 'embed' && tag !== 'svg' && tag !== 'math') copy(source, into);
        continue;
      }
      const el = ownerDocument.createElement(tag);
      for (const attr of Array.from(source.attributes)) {
        if (ATTRIBUTES.has(attr.name)) el.setAttribute(attr.name, attr.value);
      }
      const href = source.getAttribute('href');
      if (tag === 'a' && href && /^https?:\/\//i.test(href)) {
        el.setAttribute('href', href);
        el.setAttribute('rel', 'noreferrer noopener');
        el.setAttribute('title', href);
      }
      if (tag === 'img') {
        if (!logoUrl || !source.getAttribute('src')?.startsWith('cid:')) continue;
        el.setAttribute('src', logoUrl);
      }
      const style = source.getAttribute('style');
      if (style && !/url\s*\(|expression\s*\(|@import/i.test(style)) styles.set(el, style);
      into.appendChild(el);
      copy(source, el);
    }
  };
  copy(parsed.body, content);
  return { content, styles, bodyStyle: parsed.body.getAttribute('style') ?? '' };
}
