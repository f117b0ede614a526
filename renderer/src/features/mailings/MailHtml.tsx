import { useLayoutEffect, useRef } from 'react';
import { inertMailHtml } from './inertMailHtml';

/**
 * The mail as a mail program shows it, in a shadow root so the app's styles do not reach it and
 * its styles do not reach the app. A click on one of its links goes nowhere: it is a preview.
 */
export function MailHtml({ html, logoUrl, label }: { html: string; logoUrl: string | null; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const mail = inertMailHtml(html, el.ownerDocument, logoUrl);
    const body = el.ownerDocument.createElement('div');
    body.style.cssText = `${mail.bodyStyle};min-height:100%;`;
    body.appendChild(mail.content);
    for (const [node, style] of mail.styles) (node as HTMLElement).style.cssText = style;
    root.replaceChildren(body);
    const stop = (e: Event) => {
      if ((e.target as Element | null)?.closest?.('a')) e.preventDefault();
    };
    root.addEventListener('click', stop);
    return () => root.removeEventListener('click', stop);
  }, [html, logoUrl]);
  return <div ref={host} className="mail-html" role="document" aria-label={label} />;
}
