import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { parseMarkdown, type PageInline } from '../../../common/src/text/markdown';

type Token<T extends PageInline['type']> = Extract<PageInline, { type: T }>;

/**
 * What the tokens that point somewhere become in one kind of text; left out, a hashtag or mention
 * stays its text and a page link its words.
 */
export interface InlineTargets {
  hashtag?(token: Token<'hashtag'>, key: number): ReactNode;
  mention?(token: Token<'mention'>, key: number): ReactNode;
  pageLink?(token: Token<'pageLink'>, key: number, children: ReactNode[]): ReactNode;
}

/**
 * Inline markdown tokens (a post's, a comment's or a page's) as React elements. React escapes all
 * text, and there is no path from a token to raw HTML, so "<img onerror>" is shown as those characters.
 */
export function renderInline(tokens: readonly PageInline[], targets: InlineTargets = {}): ReactNode[] {
  const inline = (list: readonly PageInline[]): ReactNode[] =>
    list.map((token, i) => {
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
          return targets.hashtag?.(token, i) ?? <Fragment key={i}>{token.text}</Fragment>;
        case 'mention':
          return targets.mention?.(token, i) ?? <Fragment key={i}>{token.text}</Fragment>;
        case 'pageLink':
          return targets.pageLink?.(token, i, inline(token.children)) ?? <Fragment key={i}>{inline(token.children)}</Fragment>;
      }
    });
  return inline(tokens);
}

type Props = {
  source: string;
  hashtagHref: (tag: string) => string;
  /** The tag the timeline is filtered on: its links say so (each tag shows once, in the text). */
  currentHashtag?: string | null;
  /** Called with the handle; returns nothing when the handle is not a known person (it stays text). */
  onMention?: ((handle: string) => void) | undefined;
  mentionable?: ReadonlySet<string>;
  /** The colour of a tag that is one of the organisation's fixed categories: it shows as one coloured chip. */
  categoryColour?: ((tag: string) => string | undefined) | undefined;
};

/** A post or comment from its markdown tokens: paragraphs and lists, hashtags as links, known people as buttons. */
export function RichText({ source, hashtagHref, currentHashtag = null, onMention, mentionable, categoryColour }: Props) {
  const targets: InlineTargets = {
    hashtag: (token, key) => {
      const colour = categoryColour?.(token.tag);
      return (
        <a
          key={key}
          className={colour ? 'rich-hashtag rich-category' : 'rich-hashtag'}
          // Set through the CSSOM by React, which the app's CSP allows (a style attribute in markup it refuses).
          style={colour ? ({ '--category': colour } as CSSProperties) : undefined}
          href={hashtagHref(token.tag)}
          aria-current={token.tag === currentHashtag ? 'page' : undefined}
        >
          {token.text}
        </a>
      );
    },
    mention: (token, key) =>
      onMention && mentionable?.has(token.handle) ? (
        <button key={key} type="button" className="rich-mention" onClick={() => onMention(token.handle)}>
          {token.text}
        </button>
      ) : null,
  };

  return (
    <div className="rich-text">
      {parseMarkdown(source).map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>{renderInline(block.children, targets)}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{renderInline(item, targets)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
