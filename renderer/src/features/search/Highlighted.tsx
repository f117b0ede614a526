import { Fragment } from 'react';
import type { SearchResult } from '../../../../common/src/api/routes/search';

/** A snippet with its matched words in <mark>: cut by position, so the text stays text. */
export function Highlighted({ text, highlights }: Pick<SearchResult, 'highlights'> & { text: string }) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at || h.end > text.length || h.end <= h.start) continue;
    if (h.start > at) parts.push({ text: text.slice(at, h.start), mark: false });
    parts.push({ text: text.slice(h.start, h.end), mark: true });
    at = h.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}
