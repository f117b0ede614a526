import { parsePageMarkdown, type PageInline } from '../../../../common/src/text/markdown';
import { kbPageHref } from '../../app/route';
import { renderInline, type InlineTargets } from '../../ui/RichText';

/**
 * A knowledge-base page from its markdown tokens: headings, lists, tables, links. React escapes all
 * text and no token becomes raw HTML, so "<script>" in a page is shown as those characters. A link
 * to a page this device does not know stays text.
 */
export function PageBody({ source, linkedTitles }: { source: string; linkedTitles: Readonly<Record<string, string>> }) {
  const targets: InlineTargets = {
    pageLink: (token, key, children) =>
      linkedTitles[token.pageId] !== undefined ? (
        <a key={key} href={kbPageHref(token.pageId)}>
          {children}
        </a>
      ) : null,
  };
  const inline = (tokens: readonly PageInline[]) => renderInline(tokens, targets);

  return (
    <div className="page-body">
      {parsePageMarkdown(source).map((block, i) => {
        switch (block.type) {
          case 'heading':
            // The page title is the h1 of the screen: a page's own headings sit below it.
            return block.level === 1 ? <h2 key={i}>{inline(block.children)}</h2> : <h3 key={i}>{inline(block.children)}</h3>;
          case 'paragraph':
            return <p key={i}>{inline(block.children)}</p>;
          case 'list':
            return (
              <ul key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </ul>
            );
          case 'orderedList':
            return (
              <ol key={i} start={block.start}>
                {block.items.map((item, j) => (
                  <li key={j}>{inline(item)}</li>
                ))}
              </ol>
            );
          case 'table':
            return (
              <div key={i} className="page-table">
                <table>
                  <thead>
                    <tr>
                      {block.header.map((cell, j) => (
                        <th key={j} scope="col">
                          {inline(cell)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {block.rows.map((row, j) => (
                      <tr key={j}>
                        {row.map((cell, k) => (
                          <td key={k}>{inline(cell)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </div>
  );
}
