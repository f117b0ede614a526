type Props = { name: string; url: string | null; size?: 'sm' | 'md' | 'lg' };

/** Dark enough for white initials to meet WCAG AA. */
const BACKGROUNDS = ['#1f5f8b', '#6b3fa0', '#8a4b08', '#2f6b3a', '#a1365a', '#3d5a80', '#5c5c00', '#8b2f2f'];

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function backgroundFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return BACKGROUNDS[hash % BACKGROUNDS.length]!;
}

/** Decorative: the name always stands next to it, so it is hidden from screen readers. */
export function Avatar({ name, url, size = 'md' }: Props) {
  if (url) return <img className={`avatar avatar-${size}`} src={url} alt="" aria-hidden="true" />;
  return (
    <span className={`avatar avatar-${size}`} style={{ backgroundColor: backgroundFor(name) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
