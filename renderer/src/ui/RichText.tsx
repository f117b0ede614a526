import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Inline } from '../../../common/src/text/markdown';

type Props = {
  source: string;
  hashtagHref: (tag: string) => string;
  /** The tag the timeline is filtered on: its links say so (each tag shows once, in the text). */
  currentHashtag?: string | null;
  /** Called with the handle; returns nothing when the handle is not a known person (it stays text). */
  onMention?: ((handle: string) => void) | undefined;
  mentionable?: ReadonlySet<string>;
};

/**
 * Turns a post or comment into React elements from the markdown tokens. React escapes all text,
 * and there is no path from a token to raw HTML, so "<img onerror>" is shown as those characters.
 */
export function RichText({ source, hashtagHref, currentHashtag = null, onMention, mentionable }: Props) {
  const inline = (tokens: Inline[]): ReactNode[] =>
    tokens.map((token, i) => {
      switch (token.type) {
        case 'text':
          return <Fragment key={i}>{token.text}</Fragment>;
        case 'break':
          return <br key={i} />;
        case 'bold':
          return <strong key={i}>{inline(token.children)}</strong>;
        case 'italic':
          return <em key={i}>{inline(token.children)}</em>;
        case 'link':
          return (
            <a key={i} href={token.href} target="_blank" rel="noopener noreferrer">
              {inline(token.children)}
            </a>
          );
        case 'hashtag':
          return (
            <a key={i} className="rich-hashtag" href={hashtagHref(token.tag)} aria-current={token.tag === currentHashtag ? 'page' : undefined}>
              {token.text}
            </a>
          );
        case 'mention':
          return onMention && mentionable?.has(token.handle) ? (
            <button key={i} type="button" className="rich-mention" onClick={() => onMention(token.handle)}>
              {token.text}
            </button>
          ) : (
            <Fragment key={i}>{token.text}</Fragment>
          );
      }
    });

  return (
    <div className="rich-text">
      {parseMarkdown(source).map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{inline(block.children)}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
