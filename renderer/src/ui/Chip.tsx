import type { ReactNode } from 'react';

type Props = { href: string; children: ReactNode; current?: boolean };

/** A hashtag or filter as a link: it navigates, so it is an <a>, and a big enough one to tap. */
export function Chip({ href, children, current = false }: Props) {
  return (
    <a className="chip" href={href} aria-current={current ? 'true' : undefined}>
      {children}
    </a>
  );
}
