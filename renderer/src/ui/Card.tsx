import type { HTMLAttributes } from 'react';

type Props = HTMLAttributes<HTMLElement> & { as?: 'article' | 'section' | 'div' };

export function Card({ as: Tag = 'div', className, ...rest }: Props) {
  return <Tag className={`card${className ? ` ${className}` : ''}`} {...rest} />;
}
