import type { HTMLAttributes, Ref } from 'react';

type Props = HTMLAttributes<HTMLElement> & { as?: 'article' | 'section' | 'div'; ref?: Ref<HTMLElement> };

export function Card({ as: Tag = 'div', className, ref, ...rest }: Props) {
  // Any of the three tags is an HTMLElement, which is all a caller's ref asks for.
  return <Tag ref={ref as Ref<HTMLDivElement>} className={`card${className ? ` ${className}` : ''}`} {...rest} />;
}
