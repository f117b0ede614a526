import type { CSSProperties } from 'react';

/** A grey placeholder shaped like what is coming: calmer than a spinner, and no layout jump. */
export function Skeleton({ width = '100%', height = '1em', round = false }: { width?: CSSProperties['width']; height?: CSSProperties['height']; round?: boolean }) {
  return <span className={`skeleton${round ? ' skeleton-round' : ''}`} style={{ width, height }} aria-hidden="true" />;
}
